import {
  cloneYaml,
  isYamlMap,
  type ObjectRef,
  type YamlMap,
  type YamlValue,
} from '@kustomate/resource';
import { createTwoFilesPatch } from 'diff';
import type { Operation } from 'fast-json-patch';
import { compareValues } from './compare.js';
import { emitYaml } from './emit-yaml.js';
import { DriftDiffError } from './errors.js';
import {
  ignoredPathsFor,
  resolveIgnoreRules,
  type CompiledIgnoreRule,
  type IgnoreRule,
} from './ignore-rules.js';
import { exclusionReason } from './exclusion.js';
import { removeAtPointer } from './json-pointer.js';
import { splitManagedFields, type OwnershipOptions } from './managed-fields.js';
import { isSecret, maskSecretPair, maskSecretPatch } from './mask.js';
import { identityOf, metadataOf, refOf, subjectOf } from './metadata.js';
import { normalizeDryRunObject, normalizeObject } from './normalize.js';

/** What applying the desired object would do: Flux's drift verdicts. */
export type DiffAction = 'create' | 'update' | 'none' | 'exclude';

/** The diff of one desired object against its live counterpart. */
export interface ObjectDiff {
  action: DiffAction;
  /** Flux's subject, `Kind/namespace/name` or `Kind/name`. */
  subject: string;
  ref: ObjectRef;
  /**
   * JSON Patch from live to desired over the compared fields (for `create`, one `add` of the
   * whole normalised object at `''`). Secret values are masked unless `revealSecrets`.
   */
  patch: Operation[];
  /** Unified diff of the compared fields as YAML; Secret values masked. Empty when no change. */
  unified: string;
  /** Why an object is excluded (`ssa: Ignore`, `reconcile: disabled`, …). */
  reason?: string;
}

/** Options of {@link diffObjects} and `diffSet`. */
export interface DiffOptions {
  /** Flux `spec.ignore` rules (raw or from `compileIgnoreRules`). */
  ignore?: readonly IgnoreRule[] | readonly CompiledIgnoreRule[];
  /** Ownership-aware mode: compare by the live object's `managedFields`. */
  ownership?: OwnershipOptions;
  /** Put real Secret values in `patch` (never in `unified`). Default `false`. */
  revealSecrets?: boolean;
  /** Context lines of the unified diff. Default 3. */
  context?: number;
  /**
   * Extra exclusion selector (Flux's `ExclusionSelector`): a desired or live object with any of
   * these label/annotation values (case-insensitive) is excluded.
   */
  exclude?: Readonly<Record<string, string>>;
  /**
   * Renders each side of `unified`. The default is a close approximation of kustomize's output
   * style; pass `emitYaml` from `@kustomate/kustomize-core` for kustomize's exact bytes (this
   * package cannot import it: pure packages never import each other).
   */
  emit?: (value: YamlValue) => string;
}

/** The fields Flux compares: labels, annotations and everything outside metadata and status. */
function comparable(obj: YamlMap): YamlMap {
  const out: YamlMap = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k !== 'metadata' && k !== 'status' && k !== 'apiVersion' && k !== 'kind') out[k] = v;
  }
  const meta = metadataOf(obj);
  const m: YamlMap = {};
  if (meta['labels'] !== undefined) m['labels'] = meta['labels'];
  if (meta['annotations'] !== undefined) m['annotations'] = meta['annotations'];
  out['metadata'] = m;
  return out;
}

/** A copy of a compared side for display, without an empty `metadata`. */
function viewForDisplay(view: YamlValue | undefined): YamlMap {
  const out = isYamlMap(view) ? cloneYaml(view) : {};
  if (isYamlMap(out['metadata']) && Object.keys(out['metadata']).length === 0)
    delete out['metadata'];
  return out;
}

function unifiedDiff(subject: string, before: string, after: string, context: number): string {
  if (before === after) return '';
  return createTwoFilesPatch(
    `live/${subject}`,
    `desired/${subject}`,
    before,
    after,
    undefined,
    undefined,
    {
      context,
    },
  );
}

/**
 * Diffs a desired object against the live one (`undefined` when it does not exist), with
 * Flux's drift rule: `create` for a new object; `update` when labels or annotations of the
 * desired object differ, or anything outside `metadata`/`status` differs after normalisation
 * (quantities, int-or-string spellings, empty-vs-missing and server-populated fields are not
 * drift); `exclude` for `ssa: Ignore`, `reconcile: disabled`, `ssa: IfNotPresent` on an
 * existing object, or an ignore rule on the root path. Fields only present live are left
 * alone, except, in ownership mode, fields that only our managers own (their removal is drift);
 * fields that only other managers own are not compared.
 *
 * @example
 * ```ts
 * const d = diffObjects(
 *   { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '2' } },
 *   { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', uid: 'x' }, data: { a: '1' } },
 * );
 * d.action; // 'update'
 * d.patch; // [{ op: 'replace', path: '/data/a', value: '2' }]
 * ```
 */
export function diffObjects(
  desired: YamlMap,
  live: YamlMap | undefined,
  options: DiffOptions = {},
): ObjectDiff {
  if (
    !isYamlMap(desired) ||
    typeof desired['kind'] !== 'string' ||
    identityOf(desired).name === ''
  ) {
    throw new DriftDiffError('InvalidObject', 'desired object needs a kind and metadata.name', {
      data: { kind: isYamlMap(desired) ? desired['kind'] : undefined },
    });
  }
  const subject = subjectOf(desired);
  const ref = refOf(desired);
  const base = { subject, ref };
  const reason = exclusionReason(desired, live, options.exclude);
  if (reason) return { ...base, action: 'exclude', patch: [], unified: '', reason };
  const rules = resolveIgnoreRules(options.ignore);
  const ignored = ignoredPathsFor(rules, desired);
  if (ignored.some((p) => p.length === 0)) {
    return {
      ...base,
      action: 'exclude',
      patch: [],
      unified: '',
      reason: 'ignore rule on the root path',
    };
  }
  const secret = isSecret(desired);
  const context = options.context ?? 3;
  const emit = options.emit ?? emitYaml;
  const want = normalizeObject(desired);
  if (live === undefined) {
    const shown = cloneYaml(want);
    if (secret) maskSecretPair(undefined, shown);
    const patch: Operation[] = [
      { op: 'add', path: '', value: options.revealSecrets ? want : shown },
    ];
    return {
      ...base,
      action: 'create',
      patch,
      unified: unifiedDiff(subject, '', emit(shown), context),
    };
  }
  const have = normalizeDryRunObject(normalizeObject(live));
  for (const p of ignored) {
    removeAtPointer(want, p);
    removeAtPointer(have, p);
  }
  const ownership = options.ownership ? splitManagedFields(live, options.ownership) : undefined;
  const cmp = compareValues(comparable(want), comparable(have), ownership);
  if (cmp.ops.length === 0) return { ...base, action: 'none', patch: [], unified: '' };
  const before = viewForDisplay(cmp.live);
  const after = viewForDisplay(cmp.desired);
  if (secret) maskSecretPair(before, after);
  const patch = secret && !options.revealSecrets ? maskSecretPatch(cmp.ops) : cmp.ops;
  return {
    ...base,
    action: 'update',
    patch,
    unified: unifiedDiff(subject, emit(before), emit(after), context),
  };
}
