import type { Task } from './task';
import { validateTaskSet } from './validate-task-set';

const task = (id: string, dependsOn: string[] = []): Task => ({ id, title: id, prompt: id, touches: [], dependsOn, agent: {}, file: `p/codex/${id}.md` });

describe('validateTaskSet', () => {
  it('accepts a valid set', () => {
    expect(() => validateTaskSet([task('a'), task('b', ['a'])])).not.toThrow();
  });

  it('names an unknown dependency and the known ids', () => {
    expect(() => validateTaskSet([task('a', ['nope'])])).toThrow(/depends on `nope`/);
  });

  it('prints a dependency cycle in order', () => {
    expect(() => validateTaskSet([task('a', ['c']), task('b', ['a']), task('c', ['b']), task('d')])).toThrow('dependsOn forms a cycle: a -> c -> b -> a');
  });

  it('rejects duplicate ids with both files', () => {
    expect(() => validateTaskSet([task('a'), { ...task('a'), file: 'q/codex/a.md' }])).toThrow('p/codex/a.md and q/codex/a.md');
  });
});
