import { identifySprintItems } from './sprint-task-ids';

const item = (title: string, dependsOn?: string[]) => ({ title, body: '', line: 1, ...(dependsOn ? { dependsOn } : {}) });

describe('identifySprintItems', () => {
  it('makes ids from titles, unique within the sprint and against existing task ids', () => {
    const items = identifySprintItems([item('Update the README'), item('Update the README!'), item('Paginate products'), item('Update  the README')], new Set(['paginate-products']));
    expect(items.map((entry) => entry.id)).toEqual(['update-the-readme', 'update-the-readme-2', 'paginate-products-2', 'update-the-readme-3']);
  });

  it('lets references follow an item that had to be renamed, and keeps ids of other tasks as written', () => {
    const items = identifySprintItems([item('Create lib'), item('Use lib', ['create-lib', 'older-task'])], new Set(['create-lib']));
    expect(items[0]!.id).toBe('create-lib-2');
    expect(items[1]!.dependsOn).toEqual(['create-lib-2', 'older-task']);
  });

  it('finds existing tasks by id first, then by the id their title makes', () => {
    const known = new Map([['create-lib', 'lib-task'], ['lib-task', 'other-task']]);
    const items = identifySprintItems([item('Use lib', ['create-lib', 'lib-task'])], new Set(['lib-task', 'other-task']), known);
    expect(items[0]!.dependsOn).toEqual(['lib-task']);
  });
});
