import type { FileSystem } from '@kustomate/vfs';
import type { Gvk } from '@kustomate/resource';
import { builtinSchema, type ListMergeInfo, type SchemaInfo } from '../schema/schema-info.js';
import type { LoadRestrictor } from './loader.js';

/**
 * The schema in force for a build. kustomize keeps one global schema: the root kustomization's
 * `openapi` (or the built-in one), else the first nested kustomization that sets one.
 */
export class SchemaHolder implements SchemaInfo {
  current: SchemaInfo = builtinSchema;
  /** Whether some kustomization already chose the schema. */
  chosen = false;

  isClusterScoped(gvk: Gvk): boolean {
    return this.current.isClusterScoped(gvk);
  }
  hasType(gvk: Gvk): boolean {
    return this.current.hasType(gvk);
  }
  listMerge(gvk: Gvk, path: string): ListMergeInfo {
    return this.current.listMerge(gvk, path);
  }
}

/** State shared by every kustomization of one build. */
export interface BuildContext {
  fs: FileSystem;
  restrictor: LoadRestrictor;
  /** The directory the build was invoked on; messages and origins are relative to it. */
  buildRoot: string;
  schema: SchemaHolder;
  /** The root kustomization's `buildMetadata` (kustomize propagates it to every sub-target). */
  buildMetadata: string[];
  warnings: string[];
  onWarning?: (message: string) => void;
}

/** Records a warning and passes it to the listener. */
export function warn(ctx: BuildContext, message: string): void {
  ctx.warnings.push(message);
  ctx.onWarning?.(message);
}
