import { isYamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';

/**
 * Whether a decoded value is what evanphx/json-patch's `DecodePatch` accepts as an RFC 6902
 * patch: `null` (no operations) or a list whose items are all mappings or `null`. Operation
 * fields are only checked when the patch is applied.
 */
export function isJson6902Document(value: YamlValue): boolean {
  if (value === null) return true;
  return Array.isArray(value) && value.every((op) => op === null || isYamlMap(op));
}

/** What {@link classifyPatch} decided. */
export type PatchKind = 'smp' | 'json6902';

/**
 * kustomize `PatchTransformer.Config`'s choice between a strategic merge patch and a JSON 6902
 * patch: the text is read both ways and exactly one reading must succeed.
 *
 * @param parsedAsResources the patch text read as resources (kustomize's resource reader:
 *   documents without `kind`/`metadata.name` are errors; empty documents, `[]`, `{}` and
 *   comment-only text give no resources, which is a success), or the error of that read.
 * @param parsedAsOps the text decoded as JSON when it starts with `[`, else as YAML 1.1, or
 *   the error of that decoding (also an error for empty text: "empty json patch operations").
 *   It counts as a JSON patch when {@link isJson6902Document} holds.
 * @param source how to name the patch in messages (e.g. `path: "patch.yaml"`).
 * @returns `smp` or `json6902`, or a `KustomizeError` (`InvalidPatch`) — returned, not
 *   thrown — when both readings succeed ("illegally qualifies as both an SM and JSON patch";
 *   e.g. `[]` or a comment-only file) or neither does ("unable to parse SM or JSON patch");
 *   a `LimitExceeded` error of either reading is returned as is.
 *
 * @example
 * ```ts
 * classifyPatch(new Error('missing kind'), [{ op: 'add', path: '/a', value: 1 }]); // 'json6902'
 * classifyPatch([deploymentPatch], new Error('not a list'));                      // 'smp'
 * ```
 */
export function classifyPatch(
  parsedAsResources: YamlValue[] | Error,
  parsedAsOps: YamlValue | Error,
  source = 'patch',
): PatchKind | KustomizeError {
  // A reading refused for exceeding a YAML limit (alias bomb, absurd nesting, huge text)
  // decides: the input is hostile whatever the other reading says.
  for (const reading of [parsedAsResources, parsedAsOps]) {
    if (reading instanceof KustomizeError && reading.code === 'LimitExceeded') return reading;
  }
  const smpOk = !(parsedAsResources instanceof Error);
  const jsonOk = !(parsedAsOps instanceof Error) && isJson6902Document(parsedAsOps);
  if (smpOk && jsonOk) {
    return new KustomizeError(
      'InvalidPatch',
      `illegally qualifies as both an SM and JSON patch: [${source}]`,
      {
        data: { source },
      },
    );
  }
  if (!smpOk && !jsonOk) {
    return new KustomizeError('InvalidPatch', `unable to parse SM or JSON patch from [${source}]`, {
      data: { source },
      cause: parsedAsResources,
    });
  }
  return smpOk ? 'smp' : 'json6902';
}
