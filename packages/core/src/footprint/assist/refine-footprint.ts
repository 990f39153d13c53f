import { isInside } from '../../workspace';
import { isHotspot } from '../evidence/hotspots';
import type { Footprint, FootprintEntry } from '../footprint';

/** What the model answered: the files it expects the task to write, each with its confidence. */
export interface ModelVerdict {
  files: Array<{ path: string; confidence: number; reason?: string }>;
}

/** The model's confidence counts as one more piece of evidence, not as the truth. */
const MODEL_WEIGHT = 0.7;
/** A heuristic entry the model did not pick keeps this share of its confidence. */
const NOT_PICKED = 0.75;
const MAX_MODEL_FILES = 25;

/**
 * The heuristic footprint, refined by a model's verdict. The model's files join as evidence
 * (combined like every other source, `1 - (1-a)(1-b)`), and entries it did not pick lose a quarter
 * of their confidence: it can add what the text implies and demote what it does not, but neither
 * side overrules the other. Paths outside the workspace (absolute, `..`) are dropped, and a new
 * path only counts inside the task's projects: a model that invents files cannot widen the plan.
 */
export function refineFootprint(footprint: Footprint, verdict: ModelVerdict, scope: { existing: ReadonlySet<string>; roots: readonly string[] }, model: string, threshold: number): Footprint {
  const picked = new Map<string, { confidence: number; reason?: string }>();
  for (const file of verdict.files.slice(0, MAX_MODEL_FILES)) {
    const path = normalise(file.path);
    if (path === undefined) continue;
    const exists = scope.existing.has(path);
    const inScope = scope.roots.some((root) => isInside(root, path));
    if (!exists && !inScope) continue;
    const confidence = Math.min(1, Math.max(0, Number(file.confidence) || 0));
    if (confidence > (picked.get(path)?.confidence ?? -1)) picked.set(path, { confidence, reason: file.reason });
  }

  const writes: FootprintEntry[] = footprint.writes.map((entry) => {
    if (entry.pattern) return entry;
    const pick = picked.get(entry.path);
    if (pick === undefined) return { ...entry, confidence: round(entry.confidence * NOT_PICKED), reasons: [...entry.reasons, `${model} did not pick it`] };
    picked.delete(entry.path);
    return { ...entry, confidence: round(1 - (1 - entry.confidence) * (1 - MODEL_WEIGHT * pick.confidence)), reasons: [...entry.reasons, modelReason(model, pick)] };
  });
  for (const [path, pick] of picked) {
    writes.push({ path, confidence: round(MODEL_WEIGHT * pick.confidence), reasons: [modelReason(model, pick)], ...(isHotspot(path) ? { hotspot: true } : {}) });
  }
  writes.sort((a, b) => b.confidence - a.confidence || a.path.localeCompare(b.path));
  // A vague task stood for its whole project; once the model places it on real files, it stands for those.
  const placed = writes.some((entry) => !entry.pattern && !entry.hotspot && scope.existing.has(entry.path) && entry.confidence >= threshold);
  if (footprint.fallback && placed) return { ...footprint, writes: writes.filter((entry) => !entry.pattern), fallback: false };
  return { ...footprint, writes };
}

function modelReason(model: string, pick: { confidence: number; reason?: string }): string {
  return `${model} expects a write (${Math.round(pick.confidence * 100)}%)${pick.reason ? `: ${pick.reason.slice(0, 120)}` : ''}`;
}

/** A workspace-relative path, or undefined for anything that points outside it. */
function normalise(path: unknown): string | undefined {
  if (typeof path !== 'string') return undefined;
  const clean = path.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (clean === '' || clean.startsWith('/') || /^[a-z]:/i.test(clean) || clean.split('/').some((part) => part === '..' || part === '.' || part === '') || /[*?[\]{}]/.test(clean)) return undefined;
  return clean;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
