import { renderPlanText } from '../plan';
import type { RunReporter } from '../run/run-options';
import { renderSummaryText } from './render-summary';

/**
 * Plain lines, one per event: readable in a terminal, in CI logs and under Nx's output capture.
 * `write` is a parameter so the Nx executor can collect per-project output.
 */
export function consoleReporter(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): RunReporter {
  const started = Date.now();
  const stamp = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s]`;
  return {
    plan: (plan) => write(renderPlanText(plan)),
    runStarted: ({ runId, integrationBranch }) => write(`\nRun ${runId} on branch ${integrationBranch}`),
    waveStarted: (wave, ids) => write(`${stamp()} wave ${wave}: ${ids.join(', ')}`),
    status: (id, status, reason) => write(`${stamp()}   ${id}: ${status}${reason ? ` (${reason})` : ''}`),
    waveMerged: (wave, head) => write(`${stamp()} wave ${wave} merged at ${head.slice(0, 10)}`),
    waveChecked: (wave, check) =>
      write(
        `${stamp()} wave ${wave} check ${check.ok ? 'passed' : `failed (exit ${check.exitCode ?? 'timeout'})`}${check.attempt === 'after-fixes' ? ' after the follow-ups' : ''}: ${check.command} (${(check.durationMs / 1000).toFixed(1)}s)`,
      ),
    finished: (summary) => write(`\n${renderSummaryText(summary)}`),
  };
}
