/** A package name as prose or code spells it: `Immer`, `Chakra UI`, `graphql-request`, `@docusaurus/core`. */
const NAME = String.raw`((?!(?:from|to)\b)@?[A-Za-z][\w./-]*(?:\s(?!(?:deps?|dependency|package|version|to|from)\b)[A-Za-z][\w.-]*)?)`;
const VERSION = String.raw`v?\d`;
const BUMPS = [
  // "Update Immer to v11", "upgrade docusaurus to 3.10.2", "Update Immer dep to 10.2"
  new RegExp(String.raw`\b(?:bump|upgrade|update)(?:s|d|ed)?\s+(?:the\s+)?${NAME}\s+(?:(?:dep|deps|dependency|package|version)\s+)?(?:to|from)\s+${VERSION}`, 'gi'),
  // "Upgrade to Immer 2", "migrate to React 19"
  new RegExp(String.raw`\b(?:bump|upgrade|update|migrate)(?:s|d|ed)?\s+to\s+${NAME}\s+${VERSION}`, 'gi'),
  // "Chakra UI Updated from v1.0.0 to v2.10.7"
  new RegExp(String.raw`${NAME}\s+(?:updated|upgraded|bumped)\s+(?:from|to)\s+${VERSION}`, 'gi'),
  // "bump graphql-request, add AbortSignal support"
  new RegExp(String.raw`\bbump(?:s|ed)?\s+(?:the\s+)?(@?[a-z][\w./-]*)`, 'gi'),
];
/**
 * "remove Jest", "remove Jasmine deps", "remove Chakra UI", "remove gulpclass dependency and ...": a
 * name the sentence ends on, or calls a dependency. "remove redundant standalone flag" goes on past
 * its first word, so it names no package. Case matters for a second word only (`Chakra UI`, not
 * `Jasmine deps`), so the verbs spell both cases rather than the pattern ignoring case.
 */
const DROPS = new RegExp(String.raw`\b(?:[Rr]emov|[Dd]rop|[Uu]ninstall)(?:e|es|ed|ing|s|ped|ping)?\s+(?:the\s+)?(@?[A-Za-z][\w./-]*(?:\s[A-Z][\w.-]*)?)(?:\s+(?:deps?|dependency|dependencies|package)\b|\s*$|\s+and\b|\s*[,;.(])`, 'gm');
/** Words the patterns catch that name no package. */
const NOT_A_NAME = new Set(['the', 'all', 'deps', 'dependencies', 'dependency', 'version', 'versions', 'packages', 'package', 'it', 'them', 'unused', 'old', 'obsolete', 'deprecated']);

/**
 * The packages a task updates: "Update Immer to v11" -> `immer`, "Chakra UI Updated from v1.0.0"
 * -> `chakraui`. Names come back normalised (lower case, letters and digits only) so that prose
 * matches a package name however it is spelled: see `spellsPackage`.
 */
export function bumpedPackages(text: string): string[] {
  return packagesNamed(text, BUMPS);
}

/** The packages a task removes from the workspace: "remove Jest" -> `jest`; normalised as `bumpedPackages`'s are. */
export function droppedPackages(text: string): string[] {
  return packagesNamed(text, [DROPS]);
}

function packagesNamed(text: string, patterns: readonly RegExp[]): string[] {
  const found = new Set<string>();
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const name = match[1]!.replace(/[.,;:]+$/, '');
      if (NOT_A_NAME.has(name.toLowerCase())) continue;
      const normal = normalise(name);
      if (normal.length >= 3) found.add(normal);
    }
  }
  return [...found];
}

/** Whether a dependency (`@chakra-ui/react`) is the package prose names (`chakraui`): its whole name, its scope or its last part. */
export function spellsPackage(dependency: string, bumped: string): boolean {
  const [scope, rest] = dependency.startsWith('@') ? dependency.slice(1).split('/', 2) : [undefined, dependency];
  return [dependency, scope, rest].some((part) => part !== undefined && normalise(part) === bumped);
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
