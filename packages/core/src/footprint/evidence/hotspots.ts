/**
 * Files many tasks touch for reasons unrelated to each other: manifests, lockfiles, workspace
 * configuration, barrel files and route registries. They are marked so the planner and the merge
 * can treat them by policy (merge additive edits) instead of serialising every task that adds a
 * dependency or an export.
 */
const HOTSPOT_NAMES = new Set([
  'package.json',
  'package-lock.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lockb',
  'nx.json',
  'project.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.lib.json',
  'turbo.json',
  'pnpm-workspace.yaml',
  'CHANGELOG.md',
]);

const BARREL = /(^|\/)(index|public[-_]api)\.[cm]?[jt]sx?$/;
const ROUTE_REGISTRY = /(^|\/)(routes|router|app\.routes|app-routing\.module|routing)\.[cm]?[jt]sx?$/;

export function isHotspot(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return HOTSPOT_NAMES.has(name) || BARREL.test(path) || ROUTE_REGISTRY.test(path);
}
