import type { ModelClient } from '../../agent/model';
import type { Task } from '../../tasks';
import type { Footprint } from '../footprint';
import { taskFocus, taskText, WRITE_THRESHOLD, type FootprintContext } from '../predict-footprint';
import { askModel } from './ask-model';
import { refineFootprint } from './refine-footprint';
import { repoMap } from './repo-map';

export interface FootprintAssist {
  client: ModelClient;
  /** How the model is named in reasons and notes: `gpt-5-mini`. */
  model: string;
  /** Model calls at once (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
}

/**
 * The model-assisted mode: each heuristic footprint is shown to a model with a compact repo map
 * and refined by its answer. Off unless asked for. A model that fails, times out or answers
 * nonsense leaves that task's heuristic footprint as it was, with a note saying why: the plan
 * never depends on a model being there.
 */
export async function assistFootprints(tasks: readonly Task[], footprints: ReadonlyMap<string, Footprint>, context: FootprintContext, assist: FootprintAssist): Promise<Map<string, Footprint>> {
  const existing = new Set(context.files);
  const out = new Map(footprints);
  const queue = [...tasks];
  const worker = async () => {
    for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
      const footprint = footprints.get(task.id);
      if (!footprint) continue;
      const roots = taskFocus(task, context);
      const map = repoMap(context.files, roots, footprint.writes.filter((entry) => !entry.pattern).map((entry) => entry.path), context.history ?? []);
      try {
        const verdict = await askModel(assist.client, taskText(task), map, footprint, assist.signal);
        out.set(task.id, refineFootprint(footprint, verdict, { existing, roots }, assist.model, WRITE_THRESHOLD));
      } catch (error) {
        if (assist.signal?.aborted) throw error;
        out.set(task.id, { ...footprint, notes: [...(footprint.notes ?? []), `model assist (${assist.model}) failed, heuristic footprint kept: ${(error as Error).message.split('\n')[0]}`] });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, assist.concurrency ?? 4) }, worker));
  return out;
}
