import type { Declaration } from '../sources/declarations';
import type { Candidate } from './candidate';
import { isTestFile } from './mentioned-files';

const KIND_WEIGHT: Record<Declaration['kind'], number> = {
  function: 0.75,
  class: 0.75,
  variable: 0.65,
  interface: 0.55,
  type: 0.55,
  enum: 0.55,
  method: 0.5,
  property: 0.3,
};

/** What a capitalised word of prose (`Events`) must be declared as to count: an exported type-level name. */
const NAMEABLE: ReadonlySet<Declaration['kind']> = new Set(['class', 'interface', 'type', 'enum', 'function']);
/** A capitalised word declared in more files than this is a common word, not a name. */
const MAX_PROSE_DECLARATIONS = 2;

/**
 * Files that declare an identifier the prompt mentions (`processPayment` is declared in
 * payment-service.ts). `prose` words (`Events`) count only as exported classes, types or functions
 * declared in one or two files.
 */
export function declaredSymbols(identifiers: readonly string[], declarations: ReadonlyMap<string, readonly Declaration[]>, prose: readonly string[] = []): Candidate[] {
  const out: Candidate[] = [];
  for (const identifier of [...identifiers, ...prose]) {
    let found = (declarations.get(identifier) ?? []).filter((entry) => !isTestFile(entry.file));
    if (prose.includes(identifier) && !identifiers.includes(identifier)) {
      found = found.filter((entry) => entry.exported && NAMEABLE.has(entry.kind));
      if (new Set(found.map((entry) => entry.file)).size > MAX_PROSE_DECLARATIONS) continue;
    }
    if (found.length === 0) continue;
    const exported = found.filter((entry) => entry.exported);
    const chosen = exported.length > 0 ? exported : found;
    // An identifier declared in many places says little about any one of them.
    const spread = Math.sqrt(new Set(chosen.map((entry) => entry.file)).size);
    for (const entry of chosen) {
      out.push({ path: entry.file, score: KIND_WEIGHT[entry.kind] / spread, reason: `declares ${entry.kind} \`${identifier}\``, places: true });
    }
  }
  return out;
}
