import Ajv, { type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { CodewavesError } from '../errors';
import { parseDuration } from './duration';
import type { Task, TaskFrontMatter } from './task';
import schema from './task.schema.json';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile<TaskFrontMatter>(schema);

const FENCE = /^---[ \t]*$/;

/**
 * Parses one task file: optional YAML front matter between `---` fences, then the Markdown prompt.
 * A bare Markdown file is a task too: its first heading (or first line) is the title.
 * Errors carry the file and the line in the task file, not in the YAML block.
 */
export function parseTaskFile(file: string, text: string, options: { project?: string } = {}): Task {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const defaultId = idFromFileName(file);

  if (!FENCE.test(lines[0] ?? '')) {
    const prompt = lines.join('\n').trim();
    return {
      id: defaultId,
      title: titleFromBody(prompt) ?? defaultId,
      prompt,
      touches: [],
      dependsOn: [],
      agent: {},
      file,
      project: options.project,
    };
  }

  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (end < 0) {
    throw new CodewavesError('TASK_PARSE', 'front matter starts with `---` on line 1 but is never closed', {
      location: { file, line: 1 },
      hint: 'add a line with `---` after the front matter, before the prompt',
    });
  }

  const yamlText = lines.slice(1, end).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const pos = lineCounter.linePos(first.pos[0]);
    throw new CodewavesError('TASK_PARSE', `invalid YAML in front matter: ${first.message.split('\n')[0]}`, {
      location: { file, line: pos.line + 1, column: pos.col },
      hint: 'fix the YAML syntax; quote values that contain `:` or start with `*`, `&`, `[` or `{`',
    });
  }
  const data: unknown = doc.toJS() ?? {};
  if (!validate(data)) {
    const error = validate.errors![0]!;
    const line = lineOfPath(doc.contents, error.instancePath, lineCounter);
    throw new CodewavesError('TASK_SCHEMA', `front matter ${describeSchemaError(error)}`, {
      location: { file, line: line === undefined ? 1 : line + 1 },
      hint: schemaHint(error),
    });
  }

  const timeoutMs = data.timeout === undefined ? undefined : parseDuration(data.timeout);
  if (data.timeout !== undefined && timeoutMs === undefined) {
    const line = lineOfPath(doc.contents, '/timeout', lineCounter);
    throw new CodewavesError('TASK_SCHEMA', `front matter \`timeout\` is not a duration: ${JSON.stringify(data.timeout)}`, {
      location: { file, line: line === undefined ? 1 : line + 1 },
      hint: 'write a positive duration such as `timeout: 10m`, `90s` or `1h30m`, or a number of seconds',
    });
  }
  const prompt = lines.slice(end + 1).join('\n').trim();
  return {
    id: data.id ?? defaultId,
    title: data.title,
    prompt: prompt || data.title,
    touches: data.touches ?? [],
    dependsOn: data.dependsOn ?? [],
    agent: data.agent ?? {},
    ...(data.commands ? { commands: data.commands } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    file,
    project: options.project,
  };
}

function idFromFileName(file: string): string {
  const base = file.split('/').pop() ?? file;
  return base.replace(/\.codex\.md$|\.md$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'task';
}

function titleFromBody(body: string): string | undefined {
  const first = body.split('\n').find((line) => line.trim() !== '');
  return first?.replace(/^#+\s*/, '').trim() || undefined;
}

/** Line (0-based, within the YAML block) of the node at a JSON pointer such as `/touches/1`. */
function lineOfPath(root: unknown, pointer: string, lineCounter: LineCounter): number | undefined {
  let node = root as Node | null | undefined;
  let line = node?.range ? lineCounter.linePos(node.range[0]).line - 1 : undefined;
  for (const segment of pointer.split('/').filter(Boolean)) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value) === segment);
      const key = pair?.key as Node | undefined;
      if (key?.range) line = lineCounter.linePos(key.range[0]).line - 1;
      node = pair?.value as Node | undefined;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)] as Node | undefined;
      if (node?.range) line = lineCounter.linePos(node.range[0]).line - 1;
    } else break;
  }
  // linePos is 1-based; the caller adds one more for the opening `---`.
  return line === undefined ? undefined : line + 1;
}

function describeSchemaError(error: ErrorObject): string {
  const at = error.instancePath ? `\`${error.instancePath.slice(1).replace(/\//g, '.')}\`` : '';
  switch (error.keyword) {
    case 'required':
      return `is missing \`${(error.params as { missingProperty: string }).missingProperty}\``;
    case 'additionalProperties':
      return `${at ? `${at} ` : ''}has an unknown key \`${(error.params as { additionalProperty: string }).additionalProperty}\``;
    case 'type':
      return `${at} must be ${(error.params as { type: string }).type === 'array' ? 'a list' : `a ${(error.params as { type: string }).type}`}`;
    case 'enum':
      return `${at} must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues).map((v) => `\`${v}\``).join(', ')}`;
    case 'pattern':
      return `${at} must be an id made of letters, digits, \`.\`, \`_\` and \`-\``;
    case 'minLength':
      return `${at} must not be empty`;
    default:
      return `${at} ${error.message ?? 'is invalid'}`;
  }
}

function schemaHint(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return 'allowed keys are id, title, touches, dependsOn, timeout, agent (provider, model, baseURL, transcript, command, allowEnv) and commands (allow, deny, defaultDeny)';
  if (error.keyword === 'required') return 'add a `title:` line: one sentence that says what the task does';
  if (error.instancePath.startsWith('/touches')) return 'write touches as a list of globs, e.g. `touches: [src/users.ts, "src/validation/**"]`';
  if (error.instancePath.startsWith('/dependsOn')) return 'write dependsOn as a list of task ids, e.g. `dependsOn: [create-validation-lib]`';
  return 'see the task file format in the codewaves README';
}
