import OpenAI from 'openai';
import type { RetryInfo } from '../model';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  /** The SDK honours any retry-after, an hour included: we do not wait longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 60_000 };

/** Whether a failed model call is worth another try, and what the server said about when. */
export function classifyFailure(error: unknown): { retry: boolean; status?: number; retryAfterMs?: number; reason: string } {
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const status = error.status;
    const retry = status === 408 || status === 409 || status === 429 || status >= 500;
    return { retry, status, retryAfterMs: retryAfter(error.headers), reason: status === 429 ? 'rate limited (429)' : `server answered ${status}` };
  }
  if (error instanceof OpenAI.APIConnectionError) return { retry: true, reason: error instanceof OpenAI.APIConnectionTimeoutError ? 'the call timed out' : 'connection failed' };
  // A stream the server drops mid-way ends in undici's TypeError('terminated'); compared by name,
  // since undici's errors may come from another realm than this module's TypeError.
  const named = error as { name?: unknown; message?: unknown } | null;
  if (named?.name === 'TypeError' && /terminated|other side closed|socket/i.test(String(named.message))) return { retry: true, reason: 'the stream was cut off' };
  return { retry: false, reason: error instanceof Error ? error.message : String(error) };
}

function retryAfter(headers: unknown): number | undefined {
  const get = (name: string): string | null | undefined => (headers && typeof (headers as Headers).get === 'function' ? (headers as Headers).get(name) : undefined);
  const ms = Number(get('retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0 && get('retry-after-ms') != null) return ms;
  const value = get('retry-after');
  if (value == null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** The wait before retry `attempt` (1-based): what the server asked, else exponential backoff; capped. */
export function retryDelay(attempt: number, policy: RetryPolicy, retryAfterMs?: number): number {
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, retryAfterMs ?? backoff);
}

/** Runs `call`, retrying what classifyFailure calls transient; waits are cut short by `signal`. */
export async function withRetries<T>(call: () => Promise<T>, policy: RetryPolicy, options: { signal?: AbortSignal; onRetry?: (info: RetryInfo) => void } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const failure = classifyFailure(error);
      if (!failure.retry || attempt > policy.maxRetries || options.signal?.aborted) throw error;
      const delayMs = retryDelay(attempt, policy, failure.retryAfterMs);
      options.onRetry?.({ attempt, delayMs, status: failure.status, reason: failure.reason });
      await sleep(delayMs, options.signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
