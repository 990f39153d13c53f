import { formatFiles, readNxJson, updateNxJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import type { InitGeneratorSchema } from './schema';

export const PLUGIN_NAME = '@codewaves/nx';
const STATE_FOLDER = '.codewaves';

/** Registers the inference plugin in nx.json (once) and keeps run state out of git. */
export async function initGenerator(tree: Tree, options: InitGeneratorSchema = {}): Promise<GeneratorCallback> {
  const nxJson = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  const registered = plugins.some((plugin) => (typeof plugin === 'string' ? plugin : plugin.plugin) === PLUGIN_NAME);
  if (!registered) {
    nxJson.plugins = [...plugins, PLUGIN_NAME];
    updateNxJson(tree, nxJson);
  }

  const gitignore = tree.exists('.gitignore') ? tree.read('.gitignore', 'utf-8')! : '';
  const lines = gitignore.split(/\r?\n/).map((line) => line.trim());
  if (!lines.some((line) => [STATE_FOLDER, `${STATE_FOLDER}/`, `/${STATE_FOLDER}`, `/${STATE_FOLDER}/`].includes(line))) {
    tree.write('.gitignore', `${gitignore}${gitignore === '' || gitignore.endsWith('\n') ? '' : '\n'}\n# codewaves run state (threads, plans)\n${STATE_FOLDER}\n`);
  }

  if (!options.skipFormat) await formatFiles(tree);
  return () => {};
}

export default initGenerator;
