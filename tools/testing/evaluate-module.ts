import { execFileSync } from 'node:child_process';

/**
 * The bench's helpers are plain ES modules run by node itself (Jest's transform does not load
 * .mjs): evaluate `expression`, with the module bound to `m`, in a real node process, as JSON.
 */
export function evaluateModule<T>(modulePath: string, expression: string): T {
  const script = `import * as m from ${JSON.stringify(modulePath)}; process.stdout.write(JSON.stringify(await (async () => ${expression})()));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as T;
}
