import { NAMED_AREA, namedAreas } from './named-areas';

describe('namedAreas', () => {
  const files = [
    'modules/signals/src/signal-store.ts',
    'modules/signals/src/with-state.ts',
    'modules/signals/spec/signal-store.spec.ts',
    'modules/signals/events/src/dispatcher.ts',
    'modules/signals/events/src/with-effects.ts',
    'modules/signals/entities/src/with-entities.ts',
    'modules/store/src/events.ts',
  ];

  it('gives the area of its project a word of the task names, as a pattern at the guard', () => {
    expect(namedAreas(['modules/signals'], ['provide', 'support', 'scoped', 'events'], files)).toEqual([
      { path: 'modules/signals/events/**', pattern: true, score: NAMED_AREA, reason: 'its words name modules/signals/events/: it may write anywhere there' },
    ]);
  });

  it('names no folder that only lays the project out, nor one that is most of the project', () => {
    expect(namedAreas(['modules/signals'], ['fix', 'src', 'spec', 'typo'], files)).toEqual([]);
    const site = ['projects/www/content/a.md', 'projects/www/content/b.md', 'projects/www/content/guide/c.md', 'projects/www/README.md'];
    expect(namedAreas(['projects/www'], ['fix', 'content', 'links'], site)).toEqual([]);
    expect(namedAreas(['projects/www'], ['fix', 'guide', 'links'], site)).toHaveLength(1);
  });

  it('takes an area laid out twice, code and tests, but not two unrelated folders of one name', () => {
    const plugin = ['libs/plugin/src/rules/a.ts', 'libs/plugin/src/rules/b.ts', 'libs/plugin/spec/rules/a.spec.ts', 'libs/plugin/src/utils/x.ts', 'libs/plugin/src/configs/all.ts', 'libs/plugin/README.md', 'libs/plugin/package.json'];
    expect(namedAreas(['libs/plugin'], ['extend', 'check', 'state', 'rules'], plugin).map((area) => area.path)).toEqual(['libs/plugin/spec/rules/**', 'libs/plugin/src/rules/**']);
    const unrelated = ['libs/plugin/src/rules/a.ts', 'libs/plugin/configs/rules/a.json', 'libs/plugin/src/utils/x.ts', 'libs/plugin/src/configs/all.ts', 'libs/plugin/README.md'];
    expect(namedAreas(['libs/plugin'], ['rules'], unrelated)).toEqual([]);
  });

  it('names nothing for a task with no project', () => {
    expect(namedAreas([], ['events'], files)).toEqual([]);
  });
});
