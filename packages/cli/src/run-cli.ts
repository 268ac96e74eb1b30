/** The streams and environment a CLI run uses; injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/** Runs the `kustomate` command line with `argv` (without the node and script paths); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  io.stderr(`Error: not implemented: ${argv.join(' ')}\n`);
  return 1;
}
