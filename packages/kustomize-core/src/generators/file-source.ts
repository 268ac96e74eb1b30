import { KustomizeError } from '../errors.js';
import { goPathBase, goQuote } from './go-format.js';

/** A parsed `files` entry: the data key and the path to read. */
export interface FileSource {
  key: string;
  path: string;
}

/**
 * Parses a `files` entry (kustomize `ParseFileSource`): `path` (key = the path's basename) or
 * `key=path`. An empty key, an empty path or more than one `=` is an error.
 *
 * @example
 * ```ts
 * parseFileSource('conf/app.properties'); // → { key: 'app.properties', path: 'conf/app.properties' }
 * parseFileSource('app=conf/app.properties'); // → { key: 'app', path: 'conf/app.properties' }
 * ```
 */
export function parseFileSource(source: string): FileSource {
  const separators = source.split('=').length - 1;
  if (separators === 0) return { key: goPathBase(source), path: source };
  if (separators === 1 && source.startsWith('=')) {
    return fail(
      `missing key name for file path ${goQuote(source.slice(1))} in source ${goQuote(source)}`,
      source,
    );
  }
  if (separators === 1 && source.endsWith('=')) {
    return fail(
      `missing file path for key name ${goQuote(source.slice(0, -1))} in source ${goQuote(source)}`,
      source,
    );
  }
  if (separators > 1) {
    return fail(`source ${goQuote(source)} key name or file path contains '='`, source);
  }
  const eq = source.indexOf('=');
  return { key: source.slice(0, eq), path: source.slice(eq + 1) };
}

function fail(message: string, source: string): never {
  throw new KustomizeError('InvalidGenerator', message, { data: { source } });
}
