import { renderPlanMarkdown } from '../report';
import type { Task } from '../tasks';
import { buildPlan } from './build-plan';
import { isGuardedOnly } from './guarded-edge';
import { renderPlanText } from './render-plan-text';

const task = (id: string): Task => ({ id, title: id, prompt: id, touches: [], dependsOn: [], agent: {}, file: `codex/${id}.md` });
const footprint = (id: string, writes: Array<[string, number, boolean?]>) => ({
  taskId: id,
  writes: writes.map(([path, confidence, pattern]) => ({ path, confidence, reasons: ['x'], ...(pattern ? { pattern } : {}) })),
  reads: [],
  fallback: false,
});

describe('an edge only the guard made', () => {
  const plan = buildPlan(
    [task('a'), task('b'), task('c')],
    new Map([
      ['a', footprint('a', [['src/users.ts', 0.9], ['src/errors.ts', 0.35]])],
      ['b', footprint('b', [['src/errors.ts', 0.3]])],
      ['c', footprint('c', [['src/**', 0.4, true]])],
    ]),
    'abc123',
    { hotspots: 'serialise', guard: 0.3 },
  );
  const edge = (from: string, to: string) => plan.edges.find((entry) => entry.from === from && entry.to === to)!;

  it('is told apart from a shared predicted write, a pattern matching a path included', () => {
    expect(isGuardedOnly(plan, edge('a', 'b'))).toBe(true);
    expect(isGuardedOnly(plan, edge('a', 'c'))).toBe(false);
  });

  it('reads "may both write" in the text and Markdown plans, with the guard', () => {
    expect(renderPlanText(plan)).toContain('a <-> b: both may write src/errors.ts (guesses over the guard, 0.3)');
    expect(renderPlanText(plan)).toContain('a <-> c: both write src/users.ts');
    const markdown = renderPlanMarkdown(plan);
    expect(markdown).toContain('- `a` and `b` may both write `src/errors.ts` (guesses over the guard, 0.3)');
    expect(markdown).toContain('; guard 0.3.');
  });
});
