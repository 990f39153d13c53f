import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { AgentEvent, AgentOutcome } from '../agent/agent-event';
import type { AgentJob, MainMessage, WorkerMessage } from './agent-job';
import { ModelCallGate } from './model-call-gate';

/**
 * Worker threads load built JavaScript: under Jest this module runs from src/, so the worker file
 * is taken from the package's dist/ folder (built by `npm run build`, which `npm test` runs first).
 */
function defaultWorkerFile(): string {
  const beside = join(__dirname, 'agent-worker.js');
  if (existsSync(beside)) return beside;
  return join(__dirname, '..', '..', 'dist', 'pool', 'agent-worker.js');
}

export interface AgentPoolOptions {
  /** Agents at once. */
  concurrency: number;
  workerFile?: string;
}

/** A piscina pool of agent workers that stays warm between waves. */
export class AgentPool {
  private readonly piscina: Piscina;
  private poolError: Error | undefined;
  /** Model calls in flight across the pool: as many as threads, fewer while a provider rate-limits. */
  readonly gate: ModelCallGate;

  /** Agents at once: the worker threads. */
  readonly size: number;

  constructor(options: AgentPoolOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new RangeError(`concurrency must be a whole number of at least 1, got ${options.concurrency}`);
    }
    this.size = options.concurrency;
    this.gate = new ModelCallGate(options.concurrency);
    this.piscina = new Piscina({
      filename: options.workerFile ?? defaultWorkerFile(),
      minThreads: options.concurrency,
      maxThreads: options.concurrency,
      // Threads stay up between waves instead of paying the start-up again.
      idleTimeout: 60_000,
    });
    // Without a listener a worker that fails to load would make run() wait forever.
    this.piscina.on('error', (error: Error) => {
      this.poolError = error;
    });
  }

  /**
   * Runs one job; resolves after the worker's last event has been delivered. `signal` stops the
   * agent from inside its worker (its model call abandoned, its commands' process groups killed),
   * so it ends `cancelled` with its thread intact rather than with its thread terminated.
   */
  async run(job: Omit<AgentJob, 'port'>, onEvent: (event: AgentEvent) => void, signal?: AbortSignal): Promise<AgentOutcome> {
    if (this.poolError) throw this.poolError;
    const { port1, port2 } = new MessageChannel();
    const abort = () => port1.postMessage({ type: 'abort' } satisfies MainMessage);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
    const done = new Promise<AgentOutcome>((resolve) => {
      port1.on('message', (message: WorkerMessage) => {
        if (message.type === 'event') onEvent(message.event);
        else resolve(message.outcome);
      });
    });
    try {
      await this.piscina.run({ ...job, gate: this.gate.buffer, port: port2 }, { transferList: [port2] });
      // Port messages can arrive after run() resolves: wait for the explicit final one.
      return await done;
    } finally {
      signal?.removeEventListener('abort', abort);
      port1.close();
    }
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
