import { CodewavesError } from '../errors';
import { parseSprintList } from './parse-sprint-list';
import { errorOf } from '../../../../tools/testing/error-of';

const SPRINT = `# Sprint 12
- [ ] Add input validation to POST /api/users
  Validate email format and require a password of at least 8 characters.
- [ ] fix(payments): unit tests for processPayment, refundPayment and getPaymentHistory
- [x] Already done item (skipped: checked items are done)
* [ ] Update the README (\`README.md\`) for every endpoint
1. Paginate the product listing (depends on: add-input-validation-to-post-api-users)
`;

describe('parseSprintList', () => {
  it('reads every item form, skips checked items, keeps bodies, dependencies and lines', () => {
    expect(parseSprintList('sprint.md', SPRINT)).toEqual([
      { title: 'Add input validation to POST /api/users', body: 'Validate email format and require a password of at least 8 characters.', line: 2 },
      { title: 'fix(payments): unit tests for processPayment, refundPayment and getPaymentHistory', body: '', line: 4 },
      { title: 'Update the README (`README.md`) for every endpoint', body: '', line: 6 },
      { title: 'Paginate the product listing', body: '', line: 7, dependsOn: ['add-input-validation-to-post-api-users'] },
    ]);
  });

  it('takes plain bullets (-, *, +), numbered items (1. and 1)) and unchecked boxes after any marker', () => {
    const items = parseSprintList('s.md', '- a\n* b\n+ c\n2) d\n10. [ ] e\n+ [ ] f\n* [X] done\n');
    expect(items.map((item) => [item.title, item.line])).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5], ['f', 6]]);
  });

  it('dedents multi-line bodies, keeps blank lines and nested lists inside them, and drops the bodies of checked items', () => {
    const text = [
      '- [ ] Refactor error handling in the order module',
      '    Use one `HttpError` class.',
      '',
      '    Acceptance:',
      '      - [ ] every route returns JSON errors',
      '- [x] Done',
      '  this body is skipped too',
      '- [ ] Last',
    ].join('\n');
    expect(parseSprintList('s.md', text)).toEqual([
      { title: 'Refactor error handling in the order module', body: 'Use one `HttpError` class.\n\nAcceptance:\n  - [ ] every route returns JSON errors', line: 1 },
      { title: 'Last', body: '', line: 8 },
    ]);
  });

  it('continues an item with a line right under it (lazy continuation), but not after a blank line', () => {
    const items = parseSprintList('s.md', '- [ ] Add caching\nfor GET /api/products\n\nSome prose after the list.\n');
    expect(items).toEqual([{ title: 'Add caching', body: 'for GET /api/products', line: 1 }]);
  });

  it('ignores headings, prose, thematic breaks, fenced code and comments', () => {
    const text = ['# Sprint', 'Intro prose.', '---', '```md', '- [ ] not a task', '```', '<!--', '- [ ] commented out', '-->', '', '  - [ ] Indented list item', '## Later', '- [ ] Second'].join('\n');
    expect(parseSprintList('s.md', text).map((item) => [item.title, item.line])).toEqual([['Indented list item', 11], ['Second', 13]]);
  });

  it('reads `(after: ...)`, several ids, and titles that stand for ids', () => {
    const items = parseSprintList('s.md', '- A (after: x)\n- B (Depends on: x, y-2)\n- C (after: Add input validation)\n');
    expect(items.map((item) => item.dependsOn)).toEqual([['x'], ['x', 'y-2'], ['add-input-validation']]);
  });

  it('drops dependencies on checked items: that work is done', () => {
    const items = parseSprintList('s.md', '- [x] Create validation lib\n- [ ] Use it (after: create-validation-lib, other)\n- [ ] Only done (after: create-validation-lib)\n');
    expect(items.map((item) => item.dependsOn)).toEqual([['other'], undefined]);
  });

  it('accepts Windows line endings and a byte order mark', () => {
    expect(parseSprintList('s.md', '\uFEFF- [ ] One\r\n  body\r\n- [ ] Two\r\n')).toEqual([
      { title: 'One', body: 'body', line: 1 },
      { title: 'Two', body: '', line: 3 },
    ]);
  });

  it('names the file and the fix when there are no items', () => {
    const error = errorOf(() => parseSprintList('sprint.md', '# Sprint 12\n\nNothing planned yet.\n'));
    expect(error).toBeInstanceOf(CodewavesError);
    expect(error.code).toBe('SPRINT_PARSE');
    expect(error.location).toEqual({ file: 'sprint.md' });
    expect(error.message).toBe('the sprint list has no items');
    expect(error.hint).toContain('- [ ] Add input validation');
  });

  it('says so when every item is checked', () => {
    expect(errorOf(() => parseSprintList('s.md', '- [x] a\n- [X] b\n')).message).toContain('every item of the sprint list is checked');
  });

  it('names the line of an item without a title and of an empty dependency list', () => {
    expect(errorOf(() => parseSprintList('s.md', '- [ ] a\n- [ ]\n'))).toMatchObject({ code: 'SPRINT_PARSE', location: { file: 's.md', line: 2 }, message: 'list item has no title' });
    expect(errorOf(() => parseSprintList('s.md', '- a\n\n- b (after: )\n'))).toMatchObject({ code: 'SPRINT_PARSE', location: { file: 's.md', line: 3 } });
  });
});
