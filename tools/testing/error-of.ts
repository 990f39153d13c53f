import type { CodewavesError } from '../../packages/core/src/errors';

/** The CodewavesError `fn` throws, to assert on its code, location and hint; fails if it throws none. */
export function errorOf(fn: () => unknown): CodewavesError {
  try {
    fn();
  } catch (error) {
    return error as CodewavesError;
  }
  throw new Error('expected an error');
}
