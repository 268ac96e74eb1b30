import { KustomateError } from '@kustomate/resource';
import { buildCommand } from './commands/build-command.js';
import { CliUsageError } from './cli-usage-error.js';

/** The streams and environment a CLI run uses; injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Absolute working directory; relative paths resolve against it. */
  cwd: string;
}

const USAGE = `Usage: kustomate <command> [options]

Commands:
  build DIR     Build a kustomization directory, like \`kubectl kustomize DIR\`
                  --load-restrictor LoadRestrictionsRootOnly|LoadRestrictionsNone
                  -o, --output FILE   write the output to FILE instead of stdout
  version       Print the version
  help          Print this help
`;

/** The version printed by `kustomate version`. */
export const CLI_VERSION = '0.1.0';

/** One line for the user: the message, without a stack trace. */
function describeError(e: unknown): string {
  if (e instanceof KustomateError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Runs the `kustomate` command line with `argv` (without the node and script paths) and
 * resolves to the process exit code. Never throws: failures print one `Error: …` line.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'build':
        return await buildCommand(rest, io);
      case 'version':
      case '--version':
        io.stdout(`kustomate ${CLI_VERSION}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return 0;
      default:
        throw new CliUsageError(`unknown command "${command}"; run 'kustomate help'`);
    }
  } catch (e) {
    io.stderr(`Error: ${describeError(e).replace(/\n+/g, ' ')}\n`);
    return 1;
  }
}
