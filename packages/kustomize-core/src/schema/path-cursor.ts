import type { Gvk } from '@kustomate/resource';
import type { SchemaCursor } from './custom-schema.js';
import type { ListMergeInfo, SchemaInfo } from './schema-info.js';

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

/** The cursor of a kind in a path-keyed schema, or `undefined` when it does not define it. */
export function pathCursorFor(schema: SchemaInfo, gvk: Gvk): SchemaCursor | undefined {
  return schema.hasType(gvk) ? new PathCursor(schema, gvk, '') : undefined;
}
