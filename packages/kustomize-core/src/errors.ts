import {
  KustomateError,
  type ErrorLocation,
  type KustomateErrorOptions,
} from '@kustomate/resource';

/**
 * Codes of {@link KustomizeError}, one per way a build can fail.
 */
export type KustomizeErrorCode =
  | 'KustomizationNotFound'
  | 'MultipleKustomizations'
  | 'InvalidKustomization'
  | 'EmptyKustomization'
  | 'UnknownField'
  | 'InvalidYaml'
  | 'InvalidResource'
  | 'MissingFile'
  | 'LoadRestriction'
  | 'Cycle'
  | 'DuplicateResourceId'
  | 'PatchTargetNotFound'
  | 'AmbiguousPatchTarget'
  | 'InvalidPatch'
  | 'InvalidSchema'
  | 'InvalidGenerator'
  | 'GeneratorBehavior'
  | 'NameReference'
  | 'InvalidFieldSpec'
  | 'TransformerConfig'
  | 'ReplicaTarget'
  | 'InvalidImageName'
  | 'Replacement'
  | 'InvalidSelector'
  | 'Var'
  | 'Unsupported'
  | 'Output'
  | 'LimitExceeded';

/**
 * An error from a kustomize build; `location.file` names the kustomization or resource file
 * at fault, `location.object`/`location.field` the object and field where known.
 */
export class KustomizeError extends KustomateError<KustomizeErrorCode> {
  constructor(
    code: KustomizeErrorCode,
    message: string,
    options: KustomateErrorOptions<unknown> = {},
  ) {
    super(code, message, options);
  }
}

/**
 * Re-throws a {@link KustomizeError} with context: `prefix` (when given) is put before the
 * message as `prefix: message`, and `location` fills the location fields the error does not
 * set yet (the inner, more precise, location wins). Other errors pass through unchanged.
 */
export function withErrorContext(
  e: unknown,
  prefix: string | undefined,
  location: ErrorLocation = {},
): unknown {
  if (!(e instanceof KustomizeError)) return e;
  return new KustomizeError(e.code, prefix === undefined ? e.message : `${prefix}: ${e.message}`, {
    location: { ...location, ...e.location },
    data: e.data,
    cause: e,
  });
}
