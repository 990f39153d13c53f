import { CodewavesError } from '../errors';
import { predictFootprint, WRITE_THRESHOLD, type FootprintContext } from '../footprint';
import { isTaskFile, parseTaskFile, renderTaskFile, taskIdFromTitle, validateTaskSet, type Task } from '../tasks';
import { owningProject, type Project } from '../workspace';
import { chooseProject } from './choose-project';
import type { SprintItem } from './parse-sprint-list';
import { identifySprintItems, type IdentifiedSprintItem } from './sprint-task-ids';

export interface PlaceSprintOptions {
  /** The sprint list's path as the user knows it, for messages. */
  sprintFile: string;
  /** The workspace's task files: their ids are taken, and the new tasks must form a valid set with them. */
  existingTasks?: readonly Task[];
  /** The project for items that no predicted file or scope points to. */
  defaultProject?: string;
}

/** A task file to write: `content` is what parseTaskFile reads back as `task`. */
export interface PlacedSprintTask {
  id: string;
  /** The item's line in the sprint list. */
  line: number;
  project: string;
  /** Workspace-relative: `<project root>/codex/<id>.md`. */
  path: string;
  content: string;
  /** Why this project. */
  reason: string;
  task: Task;
}

/** An item with the same title as a task file that already exists: not written again. */
export interface ExistingSprintTask {
  line: number;
  title: string;
  id: string;
  file: string;
}

export interface SprintPlacement {
  /** New task files, in list order. */
  tasks: PlacedSprintTask[];
  /** Items that already are tasks, so a list can be extended and run again without doubling its tasks. */
  existing: ExistingSprintTask[];
}

/**
 * Turns sprint items into task files, each in the project its predicted footprint points to. Pure:
 * it writes nothing, and refuses (naming the file) any path that already exists, so the caller can
 * write every file or none.
 */
export function placeSprintTasks(items: readonly SprintItem[], context: FootprintContext, options: PlaceSprintOptions): SprintPlacement {
  const existingTasks = options.existingTasks ?? [];
  if (existingTasks.some((task) => task.file === options.sprintFile)) {
    throw new CodewavesError('USAGE', 'the sprint list is itself a task file: it sits where task files are found', {
      location: { file: options.sprintFile },
      hint: 'move the sprint list out of `codex/` folders (and do not name it `*.codex.md`), e.g. to the workspace root',
    });
  }
  const defaultProject = resolveDefault(context.projects, options.defaultProject);
  const byTitle = new Map(existingTasks.map((task) => [task.title.trim(), task]));
  const existing = items.flatMap((item) => {
    const task = byTitle.get(item.title);
    return task ? [{ line: item.line, title: item.title, id: task.id, file: task.file }] : [];
  });
  const fresh = items.filter((item) => !byTitle.has(item.title));
  const knownTitles = new Map<string, string>();
  for (const task of existingTasks) if (!knownTitles.has(taskIdFromTitle(task.title))) knownTitles.set(taskIdFromTitle(task.title), task.id);
  const identified = identifySprintItems(fresh, new Set(existingTasks.map((task) => task.id)), knownTitles);

  // Task files are never what a task writes, but their names spell task titles: keep them out of the evidence.
  const evidence: FootprintContext = { ...context, files: context.files.filter((file) => !isTaskFile(file) && file !== options.sprintFile) };
  const choices = identified.map((item) => {
    const footprint = predictFootprint(draftTask(item, options.sprintFile), evidence);
    return { item, footprint, choice: chooseProject(footprint, item.title, evidence, defaultProject) };
  });
  const unplaced = choices.filter((entry) => !entry.choice);
  if (unplaced.length > 0) {
    // "Update the README" is placed, at the workspace root, which no project owns: say so, so the fix is obvious.
    const outside = ({ footprint }: (typeof unplaced)[number]) => {
      const paths = footprint.fallback ? [] : footprint.writes.filter((entry) => !entry.pattern && entry.confidence >= WRITE_THRESHOLD && !owningProject(context.projects, entry.path)).map((entry) => entry.path);
      return paths.length > 0 ? ` (writes ${paths.slice(0, 2).join(', ')}, outside every project)` : '';
    };
    throw new CodewavesError('USAGE', `no project for ${unplaced.map((entry) => `line ${entry.item.line} "${entry.item.title}"${outside(entry)}`).join(', ')}: no predicted file or scope points to one`, {
      location: { file: options.sprintFile, line: unplaced[0]!.item.line },
      hint:
        'pass a default with `--project <name>`, or name a file or a conventional-commit scope in the item, e.g. `- [ ] docs(api): ...`' +
        (unplaced.some((entry) => outside(entry) !== '') ? '; a task that works outside every project can be written by hand as codex/<id>.md at the workspace root (`codewaves plan` and `run` find it, Nx targets do not)' : ''),
    });
  }

  const files = new Set(context.files);
  const tasks = choices.map(({ item, choice }) => {
    const { project, reason } = choice!;
    const path = `${project.root === '' ? '' : `${project.root}/`}codex/${item.id}.md`;
    if (files.has(path)) {
      throw new CodewavesError('USAGE', `${path} already exists; a sprint never overwrites a file`, {
        location: { file: options.sprintFile, line: item.line },
        hint: `reword the item's title (the id comes from it), or move ${path} away`,
      });
    }
    const content = renderTaskFile({ title: item.title, dependsOn: item.dependsOn }, item.body);
    // Parsed back so a sprint can never write a task file the engine would reject.
    const task = parseTaskFile(path, content, { project: project.name });
    return { id: item.id, line: item.line, project: project.name, path, content, reason, task };
  });
  validateTaskSet([...existingTasks, ...tasks.map((entry) => entry.task)]);
  return { tasks, existing };
}

/** The task as the predictor sees it before it has a project: placement must not assume one. */
function draftTask(item: IdentifiedSprintItem, sprintFile: string): Task {
  return { id: item.id, title: item.title, prompt: item.body || item.title, touches: [], dependsOn: item.dependsOn, agent: {}, file: sprintFile };
}

function resolveDefault(projects: readonly Project[], name: string | undefined): Project | undefined {
  if (name === undefined) return undefined;
  const project = projects.find((candidate) => candidate.name === name);
  if (!project) {
    throw new CodewavesError('USAGE', `--project ${name} is not a project of this workspace`, {
      hint: `known projects: ${projects.map((candidate) => candidate.name).join(', ') || '(none)'}`,
    });
  }
  return project;
}
