/** One piece of evidence that a task will write a file. Scores of a path combine as independent odds. */
export interface Candidate {
  path: string;
  /** 0..1 */
  score: number;
  reason: string;
  pattern?: boolean;
  /** The task creates this file: see FootprintEntry.creates. */
  creates?: boolean;
  /**
   * The user said so: a `touches` glob, or a path in the prompt. Such a file places the task's
   * work even when it is new or a hotspot, and a `touches` entry is never scaled down.
   */
  stated?: 'touches' | 'prompt';
  /**
   * The evidence locates the work even in a file named like a hotspot: a declaration of a name the
   * task writes (`bin/index.ts`), a manifest listing the package the task updates.
   */
  places?: boolean;
}
