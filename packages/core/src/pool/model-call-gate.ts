import type { ModelClient, ModelRequest } from '../agent/model';

// Node 20 has Atomics.waitAsync; the es2023 lib this project compiles against does not declare it.
const waitAsync = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number, timeoutMs: number): { async: boolean; value: unknown } }).waitAsync;

// Slots of the shared Int32Array.
const LIMIT = 0;
const IN_FLIGHT = 1;
const MAX = 2;
const SUCCESSES = 3;
const LOWERED = 4;

/**
 * How many model calls the pool's agents may have in flight at once, shared by every worker thread
 * through a SharedArrayBuffer. A rate limit (429) halves the limit (never below one); each run of
 * as many successful calls as the limit raises it by one, back up to the pool's size: additive
 * increase, multiplicative decrease, as TCP does, so a provider's limit is found rather than hammered.
 */
export class ModelCallGate {
  private readonly slots: Int32Array;

  constructor(bufferOrMax: SharedArrayBuffer | number) {
    if (typeof bufferOrMax === 'number') {
      this.slots = new Int32Array(new SharedArrayBuffer(5 * Int32Array.BYTES_PER_ELEMENT));
      Atomics.store(this.slots, LIMIT, bufferOrMax);
      Atomics.store(this.slots, MAX, bufferOrMax);
    } else this.slots = new Int32Array(bufferOrMax);
  }

  /** What travels to the workers (structured clone shares it, it does not copy it). */
  get buffer(): SharedArrayBuffer {
    return this.slots.buffer as SharedArrayBuffer;
  }

  get limit(): number {
    return Atomics.load(this.slots, LIMIT);
  }

  /** How many times a rate limit lowered the limit. */
  get lowered(): number {
    return Atomics.load(this.slots, LOWERED);
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw new Error('aborted');
      const inFlight = Atomics.load(this.slots, IN_FLIGHT);
      if (inFlight < this.limit && Atomics.compareExchange(this.slots, IN_FLIGHT, inFlight, inFlight + 1) === inFlight) return;
      // Woken by a release or a raised limit; the timeout re-checks the signal.
      const waiting = waitAsync(this.slots, IN_FLIGHT, inFlight, 500);
      if (waiting.async) await waiting.value;
    }
  }

  release(outcome: 'ok' | 'failed'): void {
    if (outcome === 'ok' && this.limit < Atomics.load(this.slots, MAX) && Atomics.add(this.slots, SUCCESSES, 1) + 1 >= this.limit) {
      Atomics.store(this.slots, SUCCESSES, 0);
      Atomics.add(this.slots, LIMIT, 1);
    }
    Atomics.sub(this.slots, IN_FLIGHT, 1);
    Atomics.notify(this.slots, IN_FLIGHT);
  }

  rateLimited(): void {
    for (;;) {
      const limit = this.limit;
      const lowered = Math.max(1, Math.floor(limit / 2));
      if (lowered === limit || Atomics.compareExchange(this.slots, LIMIT, limit, lowered) === limit) break;
    }
    Atomics.store(this.slots, SUCCESSES, 0);
    Atomics.add(this.slots, LOWERED, 1);
  }
}

/** A model client whose calls wait for a slot of the gate, and which lowers the gate on a 429. */
export function gatedModel(model: ModelClient, gate: ModelCallGate): ModelClient {
  return {
    description: model.description,
    async complete(request: ModelRequest) {
      await gate.acquire(request.signal);
      let outcome: 'ok' | 'failed' = 'failed';
      try {
        const reply = await model.complete({
          ...request,
          onRetry: (info) => {
            if (info.status !== 429) return request.onRetry?.(info);
            gate.rateLimited();
            request.onRetry?.({ ...info, poolLimit: gate.limit });
          },
        });
        outcome = 'ok';
        return reply;
      } finally {
        gate.release(outcome);
      }
    },
  };
}
