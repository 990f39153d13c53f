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

/** Files that declare an identifier the prompt mentions (`processPayment` is declared in payment-service.ts). */
export function declaredSymbols(identifiers: readonly string[], declarations: ReadonlyMap<string, readonly Declaration[]>): Candidate[] {
  const out: Candidate[] = [];
  for (const identifier of identifiers) {
    const found = (declarations.get(identifier) ?? []).filter((entry) => !isTestFile(entry.file));
    if (found.length === 0) continue;
    const exported = found.filter((entry) => entry.exported);
    const chosen = exported.length > 0 ? exported : found;
    // An identifier declared in many places says little about any one of them.
    const spread = Math.sqrt(new Set(chosen.map((entry) => entry.file)).size);
    for (const entry of chosen) {
      out.push({ path: entry.file, score: KIND_WEIGHT[entry.kind] / spread, reason: `declares ${entry.kind} \`${identifier}\`` });
    }
  }
  return out;
}
