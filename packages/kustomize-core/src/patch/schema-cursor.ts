import { parseApiVersion, type Gvk } from '@kustomate/resource';
import { isNavigableSchema, type SchemaCursor } from '../schema/custom-schema.js';
import { pathCursorFor } from '../schema/path-cursor.js';
import type { SchemaInfo } from '../schema/schema-info.js';

/**
 * kyaml `openapi.SchemaForResourceType`: the schema of the kind `apiVersion`/`kind`, or
 * `undefined` when `schema` does not define it.
 */
export function schemaForResource(
  schema: SchemaInfo,
  apiVersion: string,
  kind: string,
): SchemaCursor | undefined {
  const gvk: Gvk = { ...parseApiVersion(apiVersion), kind };
  if (isNavigableSchema(schema)) return schema.schemaForType(gvk);
  return pathCursorFor(schema, gvk);
}
