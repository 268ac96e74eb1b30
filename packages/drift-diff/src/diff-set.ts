import type { ObjectRef, YamlMap } from '@kustomate/resource';
import { DriftDiffError } from './errors.js';
import { resolveIgnoreRules } from './ignore-rules.js';
import { diffObjects, type DiffAction, type DiffOptions, type ObjectDiff } from './diff-objects.js';
import {
  hasMetadataValue,
  identityKey,
  identityOf,
  labelsOf,
  OWNER_NAME_LABEL,
  OWNER_NAMESPACE_LABEL,
  PRUNE_ANNOTATION,
  RECONCILE_ANNOTATION,
  SSA_ANNOTATION,
  refOf,
  subjectOf,
} from './metadata.js';

/** Why a live object missing from the build is kept. */
export type ProtectionReason =
  | 'PruneDisabled'
  | 'PruneAnnotation'
  | 'ReconcileDisabled'
  | 'SsaIgnore'
  | 'OwnerLabelsMissing'
  | 'OwnedByOther';

/** A live object missing from the build that garbage collection would delete. */
export interface PrunedObject {
  subject: string;
  ref: ObjectRef;
  /** True for a Flux Kustomization with `spec.prune`: deleting it also deletes its inventory. */
  cascades: boolean;
}

/** A live object missing from the build that garbage collection keeps, and why. */
export interface ProtectedObject {
  subject: string;
  ref: ObjectRef;
  reason: ProtectionReason;
}

/** Options of {@link diffSet}. */
export interface DiffSetOptions extends DiffOptions {
  /** Whether garbage collection runs (Flux `spec.prune`). Default `true`. */
  prune?: boolean;
  /** The Kustomization owning the objects; live objects must carry its owner labels to be pruned. */
  owner?: { name: string; namespace: string };
}

/** Diffs of a whole build against the live objects, including what pruning would do. */
export interface DiffSet {
  /** One entry per desired object, in input order. */
  changes: ObjectDiff[];
  /** Live objects absent from the build that would be deleted. */
  pruned: PrunedObject[];
  /** Live objects absent from the build that are kept, with the reason. */
  protected: ProtectedObject[];
  /** Counts per verdict. */
  summary: Record<DiffAction | 'delete' | 'protected', number>;
}

function protection(obj: YamlMap, options: DiffSetOptions): ProtectionReason | undefined {
  if (options.prune === false) return 'PruneDisabled';
  if (hasMetadataValue(obj, PRUNE_ANNOTATION, 'disabled')) return 'PruneAnnotation';
  if (hasMetadataValue(obj, RECONCILE_ANNOTATION, 'disabled')) return 'ReconcileDisabled';
  if (hasMetadataValue(obj, SSA_ANNOTATION, 'Ignore')) return 'SsaIgnore';
  if (options.owner) {
    const labels = labelsOf(obj);
    const name = labels[OWNER_NAME_LABEL];
    const namespace = labels[OWNER_NAMESPACE_LABEL];
    if (name === undefined || namespace === undefined) return 'OwnerLabelsMissing';
    if (name !== options.owner.name || namespace !== options.owner.namespace) return 'OwnedByOther';
  }
  return undefined;
}

function cascades(obj: YamlMap): boolean {
  const id = identityOf(obj);
  const spec = obj['spec'];
  return (
    id.group === 'kustomize.toolkit.fluxcd.io' &&
    id.kind === 'Kustomization' &&
    typeof spec === 'object' &&
    spec !== null &&
    !Array.isArray(spec) &&
    spec['prune'] === true
  );
}

/**
 * Diffs every desired object against its live counterpart (matched by group, kind, namespace
 * and name; version ignored) and classifies the live objects absent from the build: `pruned`
 * when garbage collection would delete them, `protected` (with a reason) when Flux's rules
 * keep them (`prune: disabled`, `reconcile: disabled`, `ssa: Ignore`, owner labels missing or
 * naming another Kustomization, or pruning off). A diff never hides a deletion nor shows a
 * protected object as deleted. Desired objects that cannot be diffed (no kind or name) are
 * reported together in one `InvalidObject` error listing each by index.
 *
 * @example
 * ```ts
 * const set = diffSet(built, liveObjects, { owner: { name: 'apps', namespace: 'flux-system' } });
 * set.pruned.map((p) => p.subject); // ['Service/default/old']
 * ```
 */
export function diffSet(
  desired: readonly YamlMap[],
  live: readonly YamlMap[],
  options: DiffSetOptions = {},
): DiffSet {
  const opts: DiffSetOptions = { ...options, ignore: resolveIgnoreRules(options.ignore) };
  const liveByKey = new Map(live.map((o) => [identityKey(o), o]));
  const desiredKeys = new Set<string>();
  const changes: ObjectDiff[] = [];
  const failures: { index: number; error: DriftDiffError }[] = [];
  desired.forEach((d, index) => {
    desiredKeys.add(identityKey(d));
    try {
      changes.push(diffObjects(d, liveByKey.get(identityKey(d)), opts));
    } catch (error) {
      if (!(error instanceof DriftDiffError)) throw error;
      failures.push({ index, error });
    }
  });
  if (failures.length > 0) {
    throw new DriftDiffError(
      'InvalidObject',
      `${failures.length} desired object(s) cannot be diffed: ${failures.map((f) => `#${f.index}: ${f.error.message}`).join('; ')}`,
      { data: { failures: failures.map((f) => ({ index: f.index, ...f.error.toJSON() })) } },
    );
  }
  const pruned: PrunedObject[] = [];
  const kept: ProtectedObject[] = [];
  for (const obj of live) {
    if (desiredKeys.has(identityKey(obj))) continue;
    const reason = protection(obj, opts);
    const entry = { subject: subjectOf(obj), ref: refOf(obj) };
    if (reason) kept.push({ ...entry, reason });
    else pruned.push({ ...entry, cascades: cascades(obj) });
  }
  const summary = {
    create: 0,
    update: 0,
    none: 0,
    exclude: 0,
    delete: pruned.length,
    protected: kept.length,
  };
  for (const c of changes) summary[c.action]++;
  return { changes, pruned, protected: kept, summary };
}
