import type { FileSystem } from '@kustomate/vfs';
import { GlobalSchema } from '../schema/global-schema.js';
import type { LoadRestrictor } from './loader.js';

/**
 * The schema in force for a build. kustomize keeps one global schema, chosen by the root
 * kustomization's `openapi` (or the built-in one), else by the first nested kustomization that
 * sets one, and parsed lazily (see {@link GlobalSchema}).
 */
export class SchemaHolder extends GlobalSchema {}

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
