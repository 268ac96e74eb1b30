/**
 * The ReplacementTransformer (`api/filters/replacement/replacement.go`): for each
 * replacement in order, read the source value and write it into every target field.
 *
 * @module
 */
import { KustomizeError } from '../../errors.js';
import type { KResource } from '../../resource/k-resource.js';
import { formatResId } from '../../resource/res-id.js';
import type { ResMap } from '../../resource/res-map.js';
import { smarterPathSplitter } from './field-path.js';
import { goQuote } from './label-validation.js';
import { matchTargets, type TargetRef } from './match-targets.js';
import { isScalarValue, scalarText } from './node-text.js';
import { decodeTaggedScalar, tagOfScalar } from './scalar-tag.js';
import { selectSource, selectTargets } from './select-resources.js';
import { readSourceValue, type SourceValue } from './source-value.js';
import {
  DEFAULT_REPLACEMENT_FIELD_PATH,
  type FieldOptions,
  type Replacement,
  type TargetSelector,
} from './types.js';

function replacementError(
  message: string,
  res?: KResource,
  field?: string,
  cause?: unknown,
): KustomizeError {
  return new KustomizeError('Replacement', message, {
    location: res ? { object: formatResId(res.curId()), field } : {},
    cause,
  });
}

/** kustomize `setFieldValue`: scalar targets get the text (keeping their type), others the value. */
function setFieldValue(
  options: FieldOptions | undefined,
  ref: TargetRef,
  value: SourceValue,
): void {
  let text = value.text;
  const delimiter = options?.delimiter;
  if (delimiter) {
    if (!isScalarValue(ref.value))
      throw new Error('delimiter option can only be used with scalar nodes');
    const tv = (ref.untagged ? '' : scalarText(ref.value)).split(delimiter);
    const index = options?.index ?? 0;
    if (index < 0) tv.unshift(text);
    else if (index >= tv.length) tv.push(text);
    else tv[index] = text;
    text = tv.join(delimiter);
  }
  const current = ref.value;
  if (isScalarValue(current)) {
    ref.set(decodeTaggedScalar(text, ref.untagged ? '' : tagOfScalar(current)));
  } else {
    ref.set(value.typed());
  }
}

const splitCache = new Map<string, readonly string[]>();

/** {@link smarterPathSplitter} on `.`, memoised (target paths repeat for every resource). */
function splitCached(fieldPath: string): readonly string[] {
  let parts = splitCache.get(fieldPath);
  if (parts === undefined) {
    parts = smarterPathSplitter(fieldPath, '.');
    if (splitCache.size > 1000) splitCache.clear();
    splitCache.set(fieldPath, parts);
  }
  return parts;
}

function fieldRetrievalError(fieldPath: string, create: boolean): string {
  return create
    ? `unable to find or create field ${goQuote(fieldPath)} in replacement target`
    : `unable to find field ${goQuote(fieldPath)} in replacement target`;
}

/** kustomize `copyValueToTarget`: writes `value` into every field path of `target` in `res`. */
function copyValueToTarget(res: KResource, value: SourceValue, target: TargetSelector): void {
  const fieldPaths =
    target.fieldPaths && target.fieldPaths.length > 0
      ? target.fieldPaths
      : [DEFAULT_REPLACEMENT_FIELD_PATH];
  const create = target.options?.create === true;
  for (const fp of fieldPaths) {
    let refs: TargetRef[];
    try {
      refs = matchTargets(res.object, splitCached(fp), create ? value.kind : undefined);
    } catch (e) {
      throw replacementError(
        `${fieldRetrievalError(fp, create)}: ${(e as Error).message}`,
        res,
        fp,
        e,
      );
    }
    if (refs.length === 0) throw replacementError(fieldRetrievalError(fp, create), res, fp);
    for (const ref of refs) {
      try {
        setFieldValue(target.options, ref, value);
      } catch (e) {
        if (e instanceof KustomizeError) throw e;
        throw replacementError((e as Error).message, res, fp, e);
      }
    }
  }
}

/**
 * Applies `replacements` to the resources of `resmap`, in order, as kustomize's
 * ReplacementTransformer does. The source is the one resource whose current or previous id is
 * selected by `source` (exact match); its field must exist and be non-empty. Targets are the
 * resources `select`ed and not `reject`ed; each field path must resolve unless
 * `options.create`. Scalar targets receive only the text and keep their type (an int target
 * stays an int); other targets are replaced by the value.
 *
 * Throws a {@link KustomizeError} (code `Replacement`, or `InvalidSelector` for a malformed
 * label/annotation selector) with kustomize's message.
 *
 * @example
 * ```ts
 * applyReplacements(resmap, [{
 *   source: { kind: 'ConfigMap', name: 'cfg', fieldPath: 'data.host' },
 *   targets: [{ select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.[name=app].env.[name=HOST].value'] }],
 * }]);
 * ```
 */
export function applyReplacements(resmap: ResMap, replacements: readonly Replacement[]): void {
  const resources = resmap.resources;
  for (const r of replacements) {
    if (!r.source || !r.targets || r.targets.length === 0) {
      throw replacementError('replacements must specify a source and at least one target');
    }
    const sourceRes = selectSource(resources, r.source);
    const value = readSourceValue(sourceRes, r.source);
    for (const target of r.targets) {
      const select = target.select;
      if (!select) throw replacementError('target must specify resources to select');
      for (const res of selectTargets(resources, { ...target, select }))
        copyValueToTarget(res, value, target);
    }
  }
}
