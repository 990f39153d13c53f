import { planFixture } from '../../../../tools/testing/plan-fixture';
import { CodewavesError } from '../errors';
import { renderPlanMatrix } from './render-plan-matrix';

describe('renderPlanMatrix', () => {
  it("renders one wave's jobs as a one-line matrix", () => {
    const json = renderPlanMatrix(planFixture(), 1);
    expect(json).not.toContain('\n');
    expect(JSON.parse(json)).toEqual({
      include: [
        { wave: 1, task: 'create-validation-lib', project: 'validation', file: 'apps/validation/codex/create-validation-lib.md' },
        { wave: 1, task: 'error-refactor', project: 'api', file: 'apps/api/codex/error-refactor.md' },
        { wave: 1, task: 'readme', project: '', file: 'codex/readme.md' },
      ],
    });
  });

  it('renders every wave with the wave count', () => {
    const json = renderPlanMatrix(planFixture());
    expect(json).not.toContain('\n');
    const matrix = JSON.parse(json);
    expect(matrix.waveCount).toBe(3);
    expect(matrix.waves.map((wave: { wave: number; include: { task: string }[] }) => [wave.wave, wave.include.map((job) => job.task)])).toEqual([
      [1, ['create-validation-lib', 'error-refactor', 'readme']],
      [2, ['paginate-products', 'users-validation']],
      [3, ['api-docs']],
    ]);
    expect(matrix.waves[2].include).toEqual([{ wave: 3, task: 'api-docs', project: 'docs', file: 'apps/docs/codex/api-docs.md' }]);
  });

  it.each([0, 4, 1.5, Number.NaN])('rejects wave %p with the valid range', (wave) => {
    const error = catchError(() => renderPlanMatrix(planFixture(), wave));
    expect(error).toBeInstanceOf(CodewavesError);
    expect(error).toMatchObject({ code: 'USAGE', message: `wave ${wave} is out of range: the plan has 3 waves: use 1 to 3` });
  });

  it('says when the plan has no waves at all', () => {
    const plan = { ...planFixture(), tasks: [], edges: [], waves: [] };
    expect(() => renderPlanMatrix(plan, 1)).toThrow('wave 1 is out of range: the plan has no waves');
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
