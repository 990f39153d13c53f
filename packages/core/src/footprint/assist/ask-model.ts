import type { ModelClient, ToolSpec } from '../../agent/model';
import type { Footprint } from '../footprint';
import type { ModelVerdict } from './refine-footprint';

const REPORT_TOOL: ToolSpec = {
  name: 'report_writes',
  description: 'Report the files the task will write (create, modify or delete), each with a confidence from 0 to 1.',
  parameters: {
    type: 'object',
    properties: {
      files: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            path: { type: 'string', description: 'workspace-relative path, as in the map' },
            confidence: { type: 'number', minimum: 0, maximum: 1 },
            reason: { type: 'string', description: 'a few words: why this file' },
          },
          required: ['path', 'confidence'],
        },
      },
    },
    required: ['files'],
  },
};

const INSTRUCTIONS = [
  'You predict which files of a repository a coding task will write, before anyone works on it.',
  'Read the task, the map of the repository (folder: file names) and the candidates a static analysis found.',
  'Answer by calling report_writes once. Name files from the map, or new files the task will clearly create in a folder of the map.',
  'Prefer few files with honest confidences: a file you name but the task does not write makes work wait for nothing.',
  'Include tests, barrels and docs only when a change like this one usually touches them.',
].join('\n');

/**
 * One model call per task: the task, the repo map and the heuristic's candidates in, a verdict out.
 * The answer is read from the tool call, or from JSON in the text for servers without tools.
 */
export async function askModel(client: ModelClient, taskText: string, map: string, footprint: Footprint, signal?: AbortSignal): Promise<ModelVerdict> {
  const candidates = footprint.writes
    .filter((entry) => !entry.pattern)
    .slice(0, 20)
    .map((entry) => `${entry.path} (${entry.confidence.toFixed(2)}: ${entry.reasons[0] ?? ''})`);
  const turn = await client.complete({
    messages: [
      { role: 'system', content: INSTRUCTIONS },
      // The map first: tasks of one project share it, and a shared prefix is what providers cache.
      { role: 'user', content: `Repository map:\n${map}\n\nTask:\n${taskText.trim()}\n\nStatic analysis candidates:\n${candidates.length > 0 ? candidates.join('\n') : '(none)'}` },
    ],
    tools: [REPORT_TOOL],
    signal,
  });
  const call = turn.toolCalls.find((candidate) => candidate.name === REPORT_TOOL.name);
  const raw = call?.arguments ?? jsonIn(turn.content ?? '');
  if (raw === undefined) throw new Error(`the model answered without ${REPORT_TOOL.name}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`the model's answer is not JSON: ${raw.slice(0, 80)}`);
  }
  const files = Array.isArray(parsed) ? parsed : (parsed as { files?: unknown })?.files;
  if (!Array.isArray(files)) throw new Error('the model\'s answer has no files list');
  return { files: files.filter((file): file is ModelVerdict['files'][number] => typeof file === 'object' && file !== null && typeof file.path === 'string') };
}

/** The outermost JSON object or array in a text answer (a fenced block or bare). */
function jsonIn(text: string): string | undefined {
  const start = text.search(/[[{]/);
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  return start >= 0 && end > start ? text.slice(start, end + 1) : undefined;
}
