export { build, buildKustomization, type BuildOptions, type BuildResult } from './build/build.js';
export type { LoadRestrictor } from './target/loader.js';
export { KustomizeError, type KustomizeErrorCode } from './errors.js';
export { KResource, type GenerationBehavior, type PreviousName } from './resource/k-resource.js';
export { ResMap } from './resource/res-map.js';
export type { ResId } from './resource/res-id.js';
export { builtinSchema, type SchemaInfo, type ListMergeInfo } from './schema/schema-info.js';
export type { FieldSpec, NameBackReference, DefaultFieldSpecs } from './data/field-spec-types.js';
export type { Kustomization } from './kustomization/kustomization.js';
export {
  parseRemoteSpec,
  tryParseRemoteSpec,
  DEFAULT_REMOTE_TIMEOUT_MS,
  type RemoteSpec,
  type RemoteSpecParse,
} from './target/remote/parse-remote-spec.js';
export type {
  RemoteLoader,
  FetchedRepo,
  RemoteFetchOptions,
} from './target/remote/remote-loader.js';
export {
  createMemoryRemoteLoader,
  type MemoryRemoteContent,
  type MemoryRemoteLoader,
} from './target/remote/memory-remote-loader.js';
