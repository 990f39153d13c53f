// Deep import: the scope rule is internal to footprint/ (not in its index); sharing it keeps
// "which project does `fix(payments)` name" one rule for the predictor and for placement.
import { projectNamedBy, projectsForScopes, projectsNamedInProse } from '../footprint';
import { readPrompt, WRITE_THRESHOLD, type Footprint } from '../footprint';
import { owningProject, type Project } from '../workspace';

export interface ProjectChoice {
  project: Project;
  /** Why, in words a user can check: `predicted to write apps/api/src/routes/users.ts (0.85, ...)`. */
  reason: string;
}

/**
 * Where a new task belongs: the one project its prose names, when a title with no scope names
 * exactly one ("the nuxt module", "payment-gateway"), else the project that owns most of its predicted writes (confidence summed
 * over entries at or above the planner's threshold), else the project its conventional-commit
 * scope (or the word opening its title, `Payments: ...`, or the first project its prose names) names, else (when nothing reached that
 * threshold) the project of its best guesses, else the project its names and evidence point to (its
 * fallback pattern), else the caller's default, else the root project. Undefined when none applies.
 */
export function chooseProject(
  footprint: Footprint,
  title: string,
  workspace: { files: readonly string[]; projects: readonly Project[] },
  defaultProject?: Project,
): ProjectChoice | undefined {
  return (
    // "The nuxt module should auto-import `defineStore`": the sentence says where the work is, even
    // when a name it mentions is declared in another project.
    bySoleProseName(title, workspace) ??
    (footprint.fallback ? undefined : byPredictedWrites(footprint, workspace.projects, WRITE_THRESHOLD, 'predicted to write')) ??
    byScope(title, workspace) ??
    // Guesses only stand in when nothing reached the threshold: a strong write outside every project
    // (a root README) is a better answer than a weak one inside some project.
    (footprint.fallback ? byPredictedWrites(footprint, workspace.projects, GUESS_FLOOR, 'best guess below the planner\'s threshold') : undefined) ??
    (footprint.fallback ? byFallbackPattern(footprint, workspace.projects) : undefined) ??
    (defaultProject ? { project: defaultProject, reason: 'nothing points to a project: the default project' } : undefined) ??
    byRoot(workspace.projects)
  );
}

/**
 * The planner's threshold is tuned to keep conflicting tasks apart; where a task file goes is a
 * weaker question, and a concrete file the task probably writes still says more than no answer.
 */
const GUESS_FLOOR = 0.25;

function byPredictedWrites(footprint: Footprint, projects: readonly Project[], floor: number, how: string): ProjectChoice | undefined {
  const mass = new Map<string, { project: Project; total: number; entries: Footprint['writes'] }>();
  for (const entry of footprint.writes) {
    // Patterns are not evidence here: a fallback footprint's `**` only says "anywhere in the project".
    if (entry.confidence < floor || (footprint.fallback && entry.pattern)) continue;
    const project = owningProject(projects, entry.path);
    if (!project) continue;
    const slot = mass.get(project.name) ?? { project, total: 0, entries: [] };
    slot.total += entry.confidence;
    slot.entries.push(entry);
    mass.set(project.name, slot);
  }
  const best = [...mass.values()].sort((a, b) => b.total - a.total || a.project.name.localeCompare(b.project.name))[0];
  if (!best) return undefined;
  const top = best.entries[0]!;
  const more = best.entries.length > 1 ? `, +${best.entries.length - 1} more there` : '';
  return { project: best.project, reason: `${how} ${top.path} (${top.confidence.toFixed(2)}, ${top.reasons[0] ?? 'predicted'})${more}` };
}

function byScope(title: string, workspace: { files: readonly string[]; projects: readonly Project[] }): ProjectChoice | undefined {
  const facts = readPrompt(title);
  const named = facts.subject === undefined ? undefined : projectNamedBy(facts.subject, workspace.projects);
  const project = named === undefined ? undefined : owningProject(workspace.projects, named);
  if (project) return { project, reason: `the title opens with "${facts.subject}", which names it` };
  for (const scope of facts.scopes) {
    const project = projectForScope(scope, workspace);
    if (project) return { project, reason: `the scope "${scope}" names it` };
  }
  if (facts.scopes.length > 0 || facts.subject !== undefined) return undefined;
  // "move the rule from eslint-plugin to eslint-plugin-template": of several, the first.
  return byProseNames(title, workspace)[0];
}

/** A title with no scope that names exactly one project in its prose ("fix typo in the component-store README"). */
function bySoleProseName(title: string, workspace: { files: readonly string[]; projects: readonly Project[] }): ProjectChoice | undefined {
  const facts = readPrompt(title);
  if (facts.scopes.length > 0 || facts.subject !== undefined) return undefined;
  const named = byProseNames(title, workspace);
  return named.length === 1 ? named[0] : undefined;
}

function byProseNames(title: string, workspace: { files: readonly string[]; projects: readonly Project[] }): ProjectChoice[] {
  return projectsNamedInProse(title, workspace.projects).flatMap((spelled) => {
    const project = projectForScope(spelled, workspace);
    return project ? [{ project, reason: `the title names it ("${spelled}")` }] : [];
  });
}

function projectForScope(scope: string, workspace: { files: readonly string[]; projects: readonly Project[] }): Project | undefined {
  const root = projectsForScopes([scope], workspace.projects, workspace.files)[0];
  return root === undefined ? undefined : owningProject(workspace.projects, root);
}

/** A task that names no project but whose names and evidence point to one falls back to that project's pattern (`packages/toolkit/**`). */
function byFallbackPattern(footprint: Footprint, projects: readonly Project[]): ProjectChoice | undefined {
  for (const entry of footprint.writes) {
    const project = entry.pattern ? projects.find((candidate) => candidate.root !== '' && entry.path === `${candidate.root}/**`) : undefined;
    if (project) return { project, reason: entry.reasons[0] ?? `its footprint is ${entry.path}` };
  }
  return undefined;
}

function byRoot(projects: readonly Project[]): ProjectChoice | undefined {
  const root = projects.find((project) => project.root === '');
  return root ? { project: root, reason: 'nothing points to a project: the root project' } : undefined;
}
