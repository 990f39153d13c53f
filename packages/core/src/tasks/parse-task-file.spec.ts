import { parseTaskFile } from './parse-task-file';
import { renderTaskFile, taskIdFromTitle } from './render-task-file';
import { errorOf } from '../../../../tools/testing/error-of';

describe('parseTaskFile', () => {
  it('reads front matter and the prompt', () => {
    const task = parseTaskFile(
      'apps/api/codex/users-validation.md',
      '---\ntitle: Add input validation\ntouches: [src/routes/users.ts, "src/validation/**"]\ndependsOn: [create-lib]\nagent: { provider: openai, model: gpt-5-codex }\n---\nValidate email format.\n',
      { project: 'api' },
    );
    expect(task).toEqual({
      id: 'users-validation',
      title: 'Add input validation',
      prompt: 'Validate email format.',
      touches: ['src/routes/users.ts', 'src/validation/**'],
      dependsOn: ['create-lib'],
      agent: { provider: 'openai', model: 'gpt-5-codex' },
      file: 'apps/api/codex/users-validation.md',
      project: 'api',
    });
  });

  it('reads a timeout as a duration or seconds, and names the line of a bad one', () => {
    expect(parseTaskFile('x/codex/a.md', '---\ntitle: T\ntimeout: 1h30m\n---\nbody').timeoutMs).toBe(5_400_000);
    expect(parseTaskFile('x/codex/a.md', '---\ntitle: T\ntimeout: 90\n---\nbody').timeoutMs).toBe(90_000);
    const error = errorOf(() => parseTaskFile('x/codex/a.md', '---\ntitle: T\ntouches: [a]\ntimeout: soon\n---\nbody'));
    expect(error).toMatchObject({ code: 'TASK_SCHEMA', location: { file: 'x/codex/a.md', line: 4 }, message: 'front matter `timeout` is not a duration: "soon"' });
  });

  it('reads a command policy', () => {
    expect(parseTaskFile('x/codex/a.md', '---\ntitle: T\ncommands: { allow: [npm, npx], deny: ["npm publish"], defaultDeny: false }\n---\nbody').commands).toEqual({ allow: ['npm', 'npx'], deny: ['npm publish'], defaultDeny: false });
    expect(() => parseTaskFile('x/codex/a.md', '---\ntitle: T\ncommands: { deny: git push }\n---\nbody')).toThrow('`commands.deny` must be a list');
  });

  it('lets the front matter set the id', () => {
    expect(parseTaskFile('x/codex/a.md', '---\nid: other\ntitle: T\n---\nbody').id).toBe('other');
  });

  it('takes a bare Markdown file as a task titled by its first line', () => {
    const task = parseTaskFile('/tmp/TASK.md', '# fix(store): handle undefined state\n\nmore text');
    expect(task.title).toBe('fix(store): handle undefined state');
    expect(task.id).toBe('TASK');
    expect(task.touches).toEqual([]);
  });

  it('names the line of invalid YAML', () => {
    const error = errorOf(() => parseTaskFile('a/codex/t.md', '---\ntitle: ok\ntouches: [a, b\n---\nbody'));
    expect(error.code).toBe('TASK_PARSE');
    expect(error.location?.file).toBe('a/codex/t.md');
    expect(error.location?.line).toBeGreaterThanOrEqual(3);
  });

  it('names the line of a schema violation and the fix', () => {
    const error = errorOf(() => parseTaskFile('a/codex/t.md', '---\ntitle: ok\ntouches: src/a.ts\n---\nbody'));
    expect(error.code).toBe('TASK_SCHEMA');
    expect(error.message).toContain('`touches` must be a list');
    expect(error.location).toEqual({ file: 'a/codex/t.md', line: 3 });
    expect(error.hint).toContain('touches: [');
  });

  it('rejects unknown keys and a missing title', () => {
    expect(errorOf(() => parseTaskFile('t.md', '---\ntitle: x\ntouch: [a]\n---\n')).message).toContain('unknown key `touch`');
    expect(errorOf(() => parseTaskFile('t.md', '---\ntouches: [a]\n---\n')).message).toContain('missing `title`');
  });

  it('rejects front matter that is never closed', () => {
    expect(errorOf(() => parseTaskFile('t.md', '---\ntitle: x\nbody')).location).toEqual({ file: 't.md', line: 1 });
  });

  it('round-trips what renderTaskFile writes', () => {
    const text = renderTaskFile({ title: 'Paginate: products', touches: ['src/*.ts'], dependsOn: ['a'] }, 'Add ?page.');
    const task = parseTaskFile('p/codex/x.md', text);
    expect(task).toMatchObject({ title: 'Paginate: products', touches: ['src/*.ts'], dependsOn: ['a'], prompt: 'Add ?page.' });
  });

  it('makes ids from titles', () => {
    expect(taskIdFromTitle('Add input validation to POST /api/users')).toBe('add-input-validation-to-post-api-users');
  });
});
