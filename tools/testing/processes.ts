/**
 * Whether process `pid` ended within `timeoutMs` (polled): how tests check that a killed process
 * group really took everything it started with it.
 */
export async function processEnds(pid: number, timeoutMs = 5_000): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
