import { removedNameUsers } from './removed-names';

describe('removedNameUsers', () => {
  const usages = new Map([
    // a property used across the workspace, three times in signals
    ['standalone', ['modules/signals/spec/helpers.ts', 'modules/signals/spec/rx-method.spec.ts', 'modules/signals/src/standalone.ts', ...[1, 2, 3, 4, 5, 6, 7].map((n) => `modules/store/spec/c${n}.spec.ts`)]],
    ['rareName', ['modules/store/src/a.ts', 'modules/effects/src/b.ts']],
  ]);

  it('takes every user of a rare name, wherever it is', () => {
    expect(removedNameUsers('refactor(store): drop rareName', ['rareName'], usages, ['modules/store']).map((c) => c.path)).toEqual(['modules/store/src/a.ts', 'modules/effects/src/b.ts']);
  });

  it('takes a widespread name only where the task works', () => {
    const found = removedNameUsers('docs(signals): remove redundant standalone flag', ['standalone'], usages, ['modules/signals']);
    expect(found.map((c) => c.path)).toEqual(['modules/signals/spec/helpers.ts', 'modules/signals/spec/rx-method.spec.ts', 'modules/signals/src/standalone.ts']);
    expect(found[0]!.reason).toBe('uses `standalone`, which the task removes or renames in its project');
    // with no project to narrow to, a name in eight files is a sweep the text cannot be trusted to mean
    expect(removedNameUsers('remove redundant standalone flag', ['standalone'], usages, [])).toEqual([]);
    // nor when the project itself uses it too often
    expect(removedNameUsers('refactor(store): remove standalone flag', ['standalone'], usages, ['modules/store'])).toEqual([]);
  });
});

describe('removedNameUsers and migrations', () => {
  it('leaves a migration that names the removed thing for a past version', () => {
    const usages = new Map([['tapResponse', ['modules/cs/src/tap-response.ts', 'modules/cs/migrations/18_0_0/index.ts', 'modules/cs/migrations/18_0_0/index.spec.ts']]]);
    expect(removedNameUsers('feat(cs): remove tapResponse operator', ['tapResponse'], usages, ['modules/cs']).map((c) => c.path)).toEqual(['modules/cs/src/tap-response.ts']);
  });

  it('counts a name left with few users once migrations are set aside only once', () => {
    const live = [1, 2, 3, 4].map((n) => `modules/cs/src/f${n}.ts`);
    const usages = new Map([['tapResponse', [...live, ...[1, 2, 3].map((n) => `modules/cs/migrations/18_0_${n}/index.ts`)]]]);
    const found = removedNameUsers('feat(cs): remove tapResponse signature', ['tapResponse'], usages, ['modules/cs']);
    expect(found.map((c) => c.path)).toEqual(live);
  });
});
