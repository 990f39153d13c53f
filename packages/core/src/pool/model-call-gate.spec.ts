import { Worker } from 'node:worker_threads';
import type { ModelClient, RetryInfo } from '../agent/model';
import { gatedModel, ModelCallGate } from './model-call-gate';

describe('ModelCallGate', () => {
  it('lets as many calls through as its limit and the next one when a call ends', async () => {
    const gate = new ModelCallGate(2);
    await gate.acquire();
    await gate.acquire();
    let third = false;
    const waiting = gate.acquire().then(() => (third = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(third).toBe(false);
    gate.release('ok');
    await waiting;
    expect(third).toBe(true);
  });

  it('halves on a rate limit, never below one, and climbs back by one per limit of successes', async () => {
    const gate = new ModelCallGate(8);
    gate.rateLimited();
    expect(gate.limit).toBe(4);
    gate.rateLimited();
    gate.rateLimited();
    gate.rateLimited();
    expect(gate.limit).toBe(1);
    expect(gate.lowered).toBe(4);
    const succeed = async () => {
      await gate.acquire();
      gate.release('ok');
    };
    await succeed();
    expect(gate.limit).toBe(2);
    await succeed();
    await succeed();
    expect(gate.limit).toBe(3);
    for (let i = 0; i < 100; i++) await succeed();
    expect(gate.limit).toBe(8);
  });

  it('tells a rate-limited call the limit it left, which a later success may raise again', async () => {
    const gate = new ModelCallGate(2);
    const model: ModelClient = {
      description: 'scripted',
      async complete(request) {
        request.onRetry?.({ attempt: 1, delayMs: 0, status: 429, reason: 'HTTP 429' });
        request.onRetry?.({ attempt: 2, delayMs: 0, status: 503, reason: 'HTTP 503' });
        return { content: 'done', toolCalls: [] };
      },
    };
    const told: RetryInfo[] = [];
    await gatedModel(model, gate).complete({ messages: [], tools: [], onRetry: (info) => told.push(info) });
    expect(told.map((info) => info.poolLimit)).toEqual([1, undefined]);
    // the call's own success has already raised the gate again: only the event says what the 429 left
    expect(gate.limit).toBe(2);
  });

  it('is one gate across worker threads: a worker holding the only slot makes the main thread wait', async () => {
    const gate = new ModelCallGate(1);
    // The worker takes the slot, then gives it back when told.
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const slots = new Int32Array(workerData);
       Atomics.add(slots, 1, 1);
       parentPort.postMessage('holding');
       parentPort.once('message', () => { Atomics.sub(slots, 1, 1); Atomics.notify(slots, 1); parentPort.postMessage('released'); });`,
      { eval: true, workerData: gate.buffer },
    );
    await new Promise((resolve) => worker.once('message', resolve));
    let acquired = false;
    const waiting = gate.acquire().then(() => (acquired = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(acquired).toBe(false);
    worker.postMessage('release');
    await waiting;
    expect(acquired).toBe(true);
    await worker.terminate();
  });
});
