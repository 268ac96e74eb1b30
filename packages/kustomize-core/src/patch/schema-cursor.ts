import { parseApiVersion, type Gvk } from '@kustomate/resource';
import { isNavigableSchema, type SchemaCursor } from '../schema/custom-schema.js';
import type { ListMergeInfo, SchemaInfo } from '../schema/schema-info.js';

/**
 * A {@link SchemaCursor} over the path-keyed {@link SchemaInfo.listMerge} table: every field
 * of a known kind counts as having a schema (the table only records merge behaviour).
 */
class PathCursor implements SchemaCursor {
  constructor(
    private readonly schema: SchemaInfo,
    private readonly gvk: Gvk,
    private readonly path: string,
  ) {}

  field(name: string): SchemaCursor {
    return new PathCursor(this.schema, this.gvk, this.path === '' ? name : `${this.path}.${name}`);
  }

  elements(): SchemaCursor {
    return new PathCursor(this.schema, this.gvk, `${this.path}[]`);
  }

  listMerge(): ListMergeInfo {
    return this.schema.listMerge(this.gvk, this.path);
  }
}

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
  return schema.hasType(gvk) ? new PathCursor(schema, gvk, '') : undefined;
}
