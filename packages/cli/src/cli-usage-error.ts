import { KustomateError } from '@kustomate/resource';

/** A command line that cannot be run as written (unknown command or flag, missing argument). */
export class CliUsageError extends KustomateError<'Usage'> {
  constructor(message: string) {
    super('Usage', message);
  }
}
