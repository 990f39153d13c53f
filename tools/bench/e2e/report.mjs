// Pure renderings of the end-to-end bench: runs in, summary, Markdown table and SVG chart out.

export const STRATEGY_ORDER = ['sequential', 'all-at-once', 'codewaves'];
const COLOURS = { sequential: '#8c8c8c', 'all-at-once': '#d9822b', codewaves: '#2b6cb0' };

export function median(values) {
  const sorted = values.filter((value) => typeof value === 'number' && !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ratio = (a, b) => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100);

/**
 * One entry per K and strategy: medians over the repeats of every measured number, and the ratios
 * of the wall time against sequential and against all-at-once.
 * @param {Array<{strategy: string, k: number} & Record<string, unknown>>} runs
 */
export function summarise(runs) {
  const ks = [...new Set(runs.map((run) => run.k))].sort((a, b) => a - b);
  const byK = {};
  for (const k of ks) {
    byK[k] = {};
    for (const strategy of STRATEGY_ORDER) {
      const mine = runs.filter((run) => run.k === k && run.strategy === strategy);
      if (mine.length === 0) continue;
      const med = (field) => median(mine.map((run) => run[field]));
      const waveMerges = mine.flatMap((run) => run.waveTimings.filter((wave) => !wave.hadRerun).map((wave) => wave.mergeMs));
      const sandboxes = mine.flatMap((run) => run.waveTimings.flatMap((wave) => wave.sandboxReadyMs));
      byK[k][strategy] = {
        wallMs: med('wallMs'),
        unresolvedConflicts: med('unresolvedConflicts'),
        reruns: med('reruns'),
        lostChanges: med('lostChanges'),
        lostLines: med('lostLines'),
        conflictsDetected: med('conflictsDetected'),
        failedTasks: median(mine.map((run) => run.failed.length)),
        filesDifferFromSequential: med('filesDifferFromSequential'),
        waves: med('waves'),
        planningMs: med('planningMs'),
        sandboxReadyMsMedian: median(sandboxes),
        mergeMsPerWaveMedian: median(waveMerges),
        peakRssMB: med('maxRssMB'),
        repeats: mine.length,
        wallMsRuns: mine.map((run) => run.wallMs),
        worstRun: {
          unresolvedConflicts: Math.max(...mine.map((run) => run.unresolvedConflicts)),
          lostChanges: Math.max(...mine.map((run) => run.lostChanges)),
        },
      };
    }
    const seq = byK[k].sequential?.wallMs ?? null;
    const all = byK[k]['all-at-once']?.wallMs ?? null;
    for (const entry of Object.values(byK[k])) {
      entry.vsSequential = ratio(entry.wallMs, seq);
      entry.vsAllAtOnce = ratio(entry.wallMs, all);
    }
  }
  return byK;
}

const seconds = (ms) => (ms === null || ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const times = (value) => (value === null || value === undefined ? 'n/a' : `${value.toFixed(2)}x`);
const num = (value) => (value === null || value === undefined ? 'n/a' : String(value));

/** The Markdown table: one row per K and strategy. */
export function renderMarkdown(summary, meta, details = []) {
  const lines = [
    `# End-to-end bench: ${meta.repoName}, ${meta.repeats} repeat(s), medians`,
    '',
    `Tasks: the newest K eligible commits of the first-parent history up to ${meta.head.slice(0, 10)}, replayed with a simulated model latency of ${meta.latency.baseMs} ms + ${meta.latency.perLineMs} ms per changed line (at most ${meta.latency.maxMs} ms). Pool: ${meta.concurrency} agents. Method and definitions: docs/benchmarks-e2e.md.`,
    '',
    '| K | strategy | wall time | vs sequential | vs all-at-once | waves | unresolved conflicts | re-runs | lost changes | files unlike sequential | planning | sandbox ready (median) | merge per wave (median) | peak RSS |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [k, strategies] of Object.entries(summary)) {
    for (const strategy of STRATEGY_ORDER) {
      const row = strategies[strategy];
      if (!row) continue;
      lines.push(
        `| ${k} | ${strategy} | ${seconds(row.wallMs)} | ${times(row.vsSequential)} | ${times(row.vsAllAtOnce)} | ${num(row.waves)} | ${num(row.unresolvedConflicts)} | ${num(row.reruns)} | ${num(row.lostChanges)} | ${num(row.filesDifferFromSequential)} | ${strategy === 'codewaves' ? seconds(row.planningMs) : '-'} | ${seconds(row.sandboxReadyMsMedian)} | ${seconds(row.mergeMsPerWaveMedian)} | ${num(row.peakRssMB)} MB |`,
      );
    }
  }
  if (meta.windows) {
    lines.push('', `Simulated model time, summed over the tasks: ${meta.windows.map((w) => `K=${w.k}: ${seconds(w.latencySumMs)} (${w.files} files, ${w.lines} lines)`).join('; ')}.`);
  }
  if (details && details.length > 0) {
    lines.push('', '## What was lost or left conflicted (first repeat)', '', '| K | strategy | task | commit | subject | lost files | conflicted |', '|---:|---|---|---|---|---|---|');
    for (const row of details) lines.push(`| ${row.k} | ${row.strategy} | ${row.task} | ${row.commit} | ${row.subject.replace(/\|/g, '\\|')} | ${row.lostFiles.join(', ') || '-'} | ${row.conflicted ? 'yes' : '-'} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** One row per task a run lost or left conflicted, for the first repeat of each K and strategy. */
export function lossDetails(runs) {
  const rows = [];
  for (const run of runs.filter((r) => r.repeat === 1)) {
    const ids = new Set([...run.lost.map((l) => l.task), ...Object.entries(run.statuses).filter(([, status]) => status === 'conflicted').map(([id]) => id)]);
    for (const id of [...ids].sort()) {
      const task = run.tasks.find((t) => t.id === id);
      rows.push({ k: run.k, strategy: run.strategy, task: id, commit: task.commit.slice(0, 10), subject: task.subject, lostFiles: run.lost.find((l) => l.task === id)?.files ?? [], conflicted: run.statuses[id] === 'conflicted' });
    }
  }
  return rows.sort((a, b) => a.k - b.k || STRATEGY_ORDER.indexOf(a.strategy) - STRATEGY_ORDER.indexOf(b.strategy) || a.task.localeCompare(b.task));
}

const escapeXml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A grouped bar chart, hand-written SVG: per K, one bar per strategy for the wall time (left
 * panel) and one for the unresolved conflicts plus lost changes (right panel).
 */
export function renderSvg(summary, meta = {}) {
  const ks = Object.keys(summary);
  const panel = { width: 360, height: 220, top: 60, bar: 18, gap: 4, group: 30 };
  const width = 2 * panel.width + 120;
  const height = panel.top + panel.height + 90;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="20" y="24" font-size="15" font-weight="bold">${escapeXml(meta.title ?? 'End-to-end bench')}</text>`);
  const drawPanel = (x0, title, value, format) => {
    const values = ks.flatMap((k) => STRATEGY_ORDER.map((strategy) => value(summary[k][strategy]) ?? 0));
    const max = Math.max(1, ...values);
    const groupWidth = STRATEGY_ORDER.length * (panel.bar + panel.gap) + panel.group;
    const y0 = panel.top + panel.height;
    out.push(`<text x="${x0}" y="${panel.top - 14}" font-weight="bold">${escapeXml(title)}</text>`);
    out.push(`<line x1="${x0}" y1="${y0}" x2="${x0 + ks.length * groupWidth}" y2="${y0}" stroke="#333"/>`);
    ks.forEach((k, g) => {
      const gx = x0 + g * groupWidth + panel.group / 2;
      STRATEGY_ORDER.forEach((strategy, i) => {
        const v = value(summary[k][strategy]);
        if (v === null || v === undefined) return;
        const h = Math.round((v / max) * (panel.height - 20));
        const x = gx + i * (panel.bar + panel.gap);
        out.push(`<rect x="${x}" y="${y0 - h}" width="${panel.bar}" height="${h}" fill="${COLOURS[strategy]}"><title>${escapeXml(`K=${k} ${strategy}: ${format(v)}`)}</title></rect>`);
        out.push(`<text x="${x + panel.bar / 2}" y="${y0 - h - 4}" text-anchor="middle" font-size="10">${escapeXml(format(v))}</text>`);
      });
      out.push(`<text x="${gx + (STRATEGY_ORDER.length * (panel.bar + panel.gap)) / 2}" y="${y0 + 16}" text-anchor="middle">K=${escapeXml(k)}</text>`);
    });
  };
  drawPanel(40, 'Wall time (s, median)', (row) => (row ? row.wallMs / 1000 : null), (v) => v.toFixed(1));
  drawPanel(panel.width + 100, 'Unresolved conflicts + lost changes (tasks)', (row) => (row ? row.unresolvedConflicts + row.lostChanges : null), (v) => String(v));
  STRATEGY_ORDER.forEach((strategy, i) => {
    const x = 40 + i * 150;
    const y = panel.top + panel.height + 50;
    out.push(`<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${COLOURS[strategy]}"/>`);
    out.push(`<text x="${x + 18}" y="${y}">${escapeXml(strategy)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
