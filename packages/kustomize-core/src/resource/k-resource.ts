import {
  cloneYaml,
  isYamlMap,
  parseApiVersion,
  type ResourceOrigin,
  type YamlMap,
  type YamlValue,
} from '@kustomate/resource';
import type { ResId } from './res-id.js';

/** Generator behaviours (`create`, `merge`, `replace`), `unspecified` for ordinary resources. */
export type GenerationBehavior = 'unspecified' | 'create' | 'merge' | 'replace';

/** One id a resource had before a rename, as kustomize's previous-id build annotations record it. */
export interface PreviousName {
  /** Effective namespace at the time (`default` for none, `_non_namespaceable_` when cluster-scoped). */
  namespace: string;
  name: string;
  kind: string;
}

/**
 * A resource inside the build: the object plus the bookkeeping kustomize keeps in internal
 * build annotations (previous ids, recorded prefixes/suffixes, generator flags). Kept as
 * fields here, never written into the object, so nothing leaks into output.
 */
export class KResource {
  /** The Kubernetes object. Transformers mutate it in place. */
  object: YamlMap;
  /** Where the object came from. */
  origin: ResourceOrigin | undefined;
  /** Ids the object had before renames, oldest first (kustomize `PrevIds`). */
  previousNames: PreviousName[] = [];
  /** Name prefixes applied, innermost first (kustomize `GetNamePrefixes`). */
  namePrefixes: string[] = [];
  /** Name suffixes applied, innermost first. */
  nameSuffixes: string[] = [];
  /** Set by generators unless `disableNameSuffixHash`: the hash transformer appends `-<hash>`. */
  needsHashSuffix = false;
  /** Generator behaviour when absorbed into a resource map. */
  behavior: GenerationBehavior = 'unspecified';
  /** Ids of resources whose references to this one were fixed (kustomize `refBy`). */
  refBy: ResId[] = [];
  /** Vars that referenced this resource. */
  refVarNames: string[] = [];
  /** Transformations recorded when `buildMetadata: [transformerAnnotations]` is on. */
  transformations: ResourceOrigin[] = [];

  constructor(object: YamlMap, origin?: ResourceOrigin) {
    this.object = object;
    this.origin = origin;
  }

  /** A deep copy, bookkeeping included. */
  clone(): KResource {
    const r = new KResource(cloneYaml(this.object), this.origin && structuredClone(this.origin));
    r.copyBookkeepingFrom(this);
    return r;
  }

  /** Copies previous ids, prefixes/suffixes, flags and refs from `other`. */
  copyBookkeepingFrom(other: KResource): void {
    this.previousNames = other.previousNames.map((p) => ({ ...p }));
    this.namePrefixes = [...other.namePrefixes];
    this.nameSuffixes = [...other.nameSuffixes];
    this.needsHashSuffix = other.needsHashSuffix;
    this.behavior = other.behavior;
    this.refBy = other.refBy.map((id) => ({ ...id }));
    this.refVarNames = [...other.refVarNames];
    this.transformations = [...other.transformations];
  }

  get apiVersion(): string {
    const v = this.object.apiVersion;
    return typeof v === 'string' ? v : v == null ? '' : String(v);
  }
  set apiVersion(value: string) {
    this.object.apiVersion = value;
  }

  get kind(): string {
    const v = this.object.kind;
    return typeof v === 'string' ? v : v == null ? '' : String(v);
  }
  set kind(value: string) {
    this.object.kind = value;
  }

  /** `metadata`, created when absent. */
  metadata(): YamlMap {
    let md = this.object.metadata;
    if (!isYamlMap(md)) {
      md = {};
      this.object.metadata = md;
    }
    return md;
  }

  get name(): string {
    const md = this.object.metadata;
    if (!isYamlMap(md)) return '';
    const v = md.name;
    return typeof v === 'string' ? v : v == null ? '' : String(v);
  }
  set name(value: string) {
    this.metadata().name = value;
  }

  get namespace(): string {
    const md = this.object.metadata;
    if (!isYamlMap(md)) return '';
    const v = md.namespace;
    return typeof v === 'string' ? v : v == null ? '' : String(v);
  }
  /** Sets `metadata.namespace`; an empty string removes it. */
  set namespace(value: string) {
    if (value === '') {
      const md = this.object.metadata;
      if (isYamlMap(md)) delete md.namespace;
      return;
    }
    this.metadata().namespace = value;
  }

  /** A string-valued map under metadata (`labels` or `annotations`); `{}` when absent. */
  stringMap(field: 'labels' | 'annotations'): Record<string, string> {
    const md = this.object.metadata;
    const m = isYamlMap(md) ? md[field] : undefined;
    const out: Record<string, string> = {};
    if (!isYamlMap(m)) return out;
    for (const [k, v] of Object.entries(m)) out[k] = scalarText(v);
    return out;
  }

  get labels(): Record<string, string> {
    return this.stringMap('labels');
  }

  get annotations(): Record<string, string> {
    return this.stringMap('annotations');
  }

  /** The current id. */
  curId(): ResId {
    const { group, version } = parseApiVersion(this.apiVersion);
    return { group, version, kind: this.kind, name: this.name, namespace: this.namespace };
  }

  /** Previous ids, oldest first (GVK group/version taken from the current apiVersion, as kustomize does). */
  prevIds(): ResId[] {
    const { group, version } = parseApiVersion(this.apiVersion);
    return this.previousNames.map((p) => ({
      group,
      version,
      kind: p.kind,
      name: p.name,
      namespace: p.namespace,
    }));
  }

  /** The original id: the oldest previous id, or the current one. */
  orgId(): ResId {
    const prev = this.prevIds();
    return prev[0] ?? this.curId();
  }

  /** The current id followed by every previous id. */
  allIds(): ResId[] {
    return [this.curId(), ...this.prevIds()];
  }

  /**
   * Records the current id as a previous id (kustomize `StorePreviousId`), with the namespace
   * stored in its effective form.
   */
  storePreviousId(effectiveNs: string): void {
    this.previousNames.push({ namespace: effectiveNs, name: this.name, kind: this.kind });
  }

  /** Appends a prefix to the recorded prefixes (empty strings ignored). */
  addNamePrefix(prefix: string): void {
    if (prefix !== '') this.namePrefixes.push(prefix);
  }

  /** Appends a suffix to the recorded suffixes (empty strings ignored). */
  addNameSuffix(suffix: string): void {
    if (suffix !== '') this.nameSuffixes.push(suffix);
  }
}

/** The text of a scalar as kustomize reads a label or annotation value. */
export function scalarText(value: YamlValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
