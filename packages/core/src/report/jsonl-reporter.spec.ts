import { jsonlReporter } from './jsonl-reporter';

describe('jsonlReporter', () => {
  it('writes one JSON object per event, with a timestamp', () => {
    const lines: string[] = [];
    const reporter = jsonlReporter((line) => lines.push(line), () => new Date('2026-11-24T00:00:00Z'));
    reporter.waveStarted!(1, ['a', 'b']);
    reporter.status!('a', 'running', 'agent started');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { at: '2026-11-24T00:00:00.000Z', event: 'wave-started', wave: 1, tasks: ['a', 'b'] },
      { at: '2026-11-24T00:00:00.000Z', event: 'status', task: 'a', status: 'running', reason: 'agent started' },
    ]);
  });
});
