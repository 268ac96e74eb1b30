import { KustomizeError } from '../errors.js';
import type { Accumulator } from './accumulator.js';
import type { KustTarget } from './kust-target.js';

function unsupported(kt: KustTarget, field: string, entries: string[]): never {
  throw new KustomizeError(
    'Unsupported',
    `${kt.loaded.displayPath}: '${field}' plugin configurations are not supported yet (${entries.length} entries)`,
    { location: { file: kt.loaded.displayPath, field } },
  );
}

/** External `generators` (builtin plugin configs). */
export function runPluginGenerators(kt: KustTarget, _ra: Accumulator, entries: string[]): void {
  if (entries.length > 0) unsupported(kt, 'generators', entries);
}

/** External `transformers` (builtin plugin configs). */
export function runPluginTransformers(kt: KustTarget, _ra: Accumulator, entries: string[]): void {
  if (entries.length > 0) unsupported(kt, 'transformers', entries);
}

/** `validators`. */
export function runPluginValidators(kt: KustTarget, _ra: Accumulator, entries: string[]): void {
  if (entries.length > 0) unsupported(kt, 'validators', entries);
}
