/** The CLI's seams: where it reads and writes, so tests run it in-process. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(line: string): void;
  stderr(line: string): void;
  exitCode: number;
}

export function projectFilter(names: string[] | undefined): ReadonlySet<string> | undefined {
  return names && names.length > 0 ? new Set(names.flatMap((name) => name.split(','))) : undefined;
}
