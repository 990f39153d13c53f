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
  /** The file declares a name the task writes: it places the work even when named like a barrel (`bin/index.ts`). */
  declares?: boolean;
}
