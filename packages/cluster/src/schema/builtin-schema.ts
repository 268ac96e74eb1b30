import { BUILTIN_LIST_TYPES } from '../data/generated/list-types.js';
import { schemaFromPatterns } from './type-schema.js';
import type { ListType, SchemaNode } from './type-schema.js';

const cache = new Map<string, SchemaNode | undefined>();

/**
 * Parses a generated list type (`'set'`, `'map:port,protocol'`); `protocol` keys default to `TCP`.
 *
 * @example
 * ```ts
 * parseListType('map:port,protocol'); // { type: 'map', keys: ['port', 'protocol'], keyDefaults: { protocol: 'TCP' } }
 * ```
 */
export function parseListType(text: string): ListType {
  if (text === 'set') return { type: 'set' };
  const keys = text.slice(4).split(',');
  return keys.includes('protocol')
    ? { type: 'map', keys, keyDefaults: { protocol: 'TCP' } }
    : { type: 'map', keys };
}

/**
 * The server-side-apply schema of a built-in kind, from the generated v1.21.2 table, or
 * `undefined` for kinds the table does not know.
 *
 * @example
 * ```ts
 * builtinSchema('apps/v1', 'Deployment')?.fields?.get('spec');
 * ```
 */
export function builtinSchema(apiVersion: string, kind: string): SchemaNode | undefined {
  const key = `${apiVersion}, Kind=${kind}`;
  if (cache.has(key)) return cache.get(key);
  const table = BUILTIN_LIST_TYPES[key];
  const schema = table
    ? schemaFromPatterns({
        lists: Object.fromEntries(Object.entries(table).map(([p, t]) => [p, parseListType(t)])),
      })
    : undefined;
  cache.set(key, schema);
  return schema;
}
