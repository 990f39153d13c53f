import { minimatch } from 'minimatch';
import { WRITE_THRESHOLD, type Footprint } from '../footprint';

/** What a task changed against what its footprint predicted: the live measure of the prediction. */
export interface ScopeDrift {
  /** Changed, but not in the predicted write set: where an unplanned overlap could come from. */
  unplanned: string[];
  /** Predicted (concrete paths), but not changed. */
  untouched: string[];
}

export function scopeDrift(footprint: Footprint | undefined, changed: readonly string[]): ScopeDrift {
  const trusted = (footprint?.writes ?? []).filter((entry) => entry.confidence >= WRITE_THRESHOLD);
  const predicted = (file: string) => trusted.some((entry) => (entry.pattern ? minimatch(file, entry.path, { dot: true }) : entry.path === file));
  return {
    unplanned: changed.filter((file) => !predicted(file)),
    untouched: trusted.filter((entry) => !entry.pattern && !changed.includes(entry.path)).map((entry) => entry.path),
  };
}
