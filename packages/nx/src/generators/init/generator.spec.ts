import { readNxJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { initGenerator } from './generator';

describe('init generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('.gitignore', 'node_modules\n');
  });

  it('registers the plugin and ignores .codewaves, once', async () => {
    await initGenerator(tree, { skipFormat: true });
    await initGenerator(tree, { skipFormat: true });
    expect(readNxJson(tree)!.plugins!.filter((p) => p === '@codewaves/nx')).toHaveLength(1);
    expect(tree.read('.gitignore', 'utf-8')).toBe('node_modules\n\n# codewaves run state (threads, plans)\n.codewaves\n');
  });

  it('leaves a plugin registered with options alone', async () => {
    const nxJson = readNxJson(tree)!;
    nxJson.plugins = [{ plugin: '@codewaves/nx', options: { targetName: 'agents' } }];
    tree.write('nx.json', JSON.stringify(nxJson));
    await initGenerator(tree, { skipFormat: true });
    expect(readNxJson(tree)!.plugins).toEqual([{ plugin: '@codewaves/nx', options: { targetName: 'agents' } }]);
  });
});
