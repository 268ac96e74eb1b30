/**
 * Turns a parsed YAML document (the `yaml` package's node tree, parsed with the failsafe
 * schema so every scalar is still text) into plain {@link YamlValue} data with go-yaml's
 * semantics: aliases expanded into copies, merge keys applied, map keys checked and
 * converted per dialect, scalars resolved.
 *
 * @module
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { cloneYaml, type YamlMap, type YamlValue } from '@kustomate/resource';
import type { KustomizeError } from '../errors.js';
import { YAML_LIMITS, shapeOf, yamlLimitError } from './limits.js';
import { yamlError, type SourceRef } from './source-position.js';
import { scalarValue } from './scalar-value.js';
import { mapKeyV2, mapKeyV3, isMergeKey, mergeSources } from './map-keys.js';
import type { YamlDialect } from './resolve.js';

const IN_PROGRESS = Symbol('in-progress');

/** Sets `map[key] = value` as an own data property, even for `__proto__`. */
export function setEntry(map: YamlMap, key: string, value: YamlValue): void {
  if (key === '__proto__') {
    Object.defineProperty(map, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    map[key] = value;
  }
}

/** Converts one document's node tree; create one per document (anchors are per document). */
export class Composer {
  private readonly anchors = new Map<string, Node>();
  private readonly anchored = new Map<Node, YamlValue | typeof IN_PROGRESS>();
  /** Collections open around the node being converted. */
  private depth = 0;
  /** Values created so far by copying aliased and merged values. */
  private copied = 0;

  constructor(
    private readonly dialect: YamlDialect,
    private readonly ref: SourceRef,
  ) {}

  /**
   * The value of `node`; `null` for a missing node (`''` inside a flow collection, as kyaml
   * re-emits it). `inFlow` tells whether `node` sits in a flow collection.
   */
  value(node: unknown, top = false, inFlow = false): YamlValue {
    if (node === null || node === undefined) return inFlow && this.dialect === 'v3' ? '' : null;
    if (isAlias(node)) return this.copy(this.aliasValue(node.source, node), node);
    const n = node as Node;
    if (this.depth >= YAML_LIMITS.maxDepth) throw this.tooDeep();
    this.depth++;
    try {
      if (n.anchor) {
        this.anchors.set(n.anchor, n);
        this.anchored.set(n, IN_PROGRESS);
        const v = this.compute(n, top, inFlow);
        this.anchored.set(n, v);
        return v;
      }
      return this.compute(n, top, inFlow);
    } finally {
      this.depth--;
    }
  }

  /**
   * A deep copy of an aliased or merged value, counted against the alias budget (and the
   * depth limit, as it is placed at the current depth) BEFORE it is made.
   */
  copy(value: YamlValue, at: unknown): YamlValue {
    if (value === null || typeof value !== 'object') {
      this.copied++;
      return value;
    }
    const shape = shapeOf(value);
    if (this.depth + shape.depth > YAML_LIMITS.maxDepth) throw this.tooDeep();
    this.copied += shape.size;
    if (this.copied > YAML_LIMITS.maxAliasNodes) {
      throw yamlLimitError(
        this.ref.file,
        `document expands aliases into more than ${YAML_LIMITS.maxAliasNodes} values` +
          (this.lineAt(at) === undefined ? '' : ` (line ${this.lineAt(at)})`),
      );
    }
    return cloneYaml(value);
  }

  private tooDeep(): KustomizeError {
    return yamlLimitError(
      this.ref.file,
      `document nests collections more than ${YAML_LIMITS.maxDepth} levels deep`,
    );
  }

  private lineAt(node: unknown): number | undefined {
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    return range ? this.lineOf(node as Node) : undefined;
  }

  /** The node an alias refers to (the latest anchor of that name before it). */
  target(name: string, at: Node): Node {
    const t = this.anchors.get(name);
    if (t === undefined) throw this.error(at, `unknown anchor '${name}' referenced`);
    return t;
  }

  /** An InvalidYaml error located at `node`. */
  error(node: unknown, message: string, cause?: unknown): KustomizeError {
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    return yamlError(this.ref, range ? range[0] : undefined, message, cause);
  }

  private aliasValue(name: string, at: Node): YamlValue {
    const t = this.target(name, at);
    const v = this.anchored.get(t);
    if (v === IN_PROGRESS || v === undefined)
      throw this.error(at, `anchor '${name}' value contains itself`);
    return v;
  }

  private compute(n: Node, top: boolean, inFlow: boolean): YamlValue {
    if (isScalar(n)) return this.scalar(n, inFlow);
    if (isMap(n))
      return this.dialect === 'v3' ? this.mapV3(n, top, inFlow || n.flow === true) : this.mapV2(n);
    if (isSeq(n)) {
      const flow = inFlow || n.flow === true;
      return n.items.map((item) => this.value(item, false, flow));
    }
    throw this.error(n, 'unexpected node');
  }

  private scalar(n: Scalar, inFlow: boolean): YamlValue {
    try {
      return scalarValue(this.dialect, n, inFlow);
    } catch (e) {
      throw this.error(n, (e as Error).message, e);
    }
  }

  /** yaml.v3 through kyaml: `<<` merges (explicit keys win, earlier sources win), duplicates fail. */
  private mapV3(n: YAMLMap, top: boolean, inFlow: boolean): YamlMap {
    const own: YamlMap = {};
    const lines = new Map<string, Node>();
    let sources: YamlMap[] | undefined;
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const keyNode = this.deref(pair.key);
      if (isMergeKey(keyNode)) {
        if (sources) throw this.error(keyNode, 'duplicate merge key');
        sources = mergeSources(this, pair.value, (v) => this.value(v, false, inFlow));
        continue;
      }
      const key = this.keyOf(() => mapKeyV3(keyNode, top), keyNode);
      const value = this.value(pair.value, false, inFlow);
      if (key === undefined) continue; // a non-merge "<<" key, which kyaml removes
      const first = lines.get(key);
      if (first !== undefined) {
        const l1 = this.lineOf(first);
        throw this.error(
          keyNode,
          `mapping key ${JSON.stringify(key)} already defined at line ${l1}`,
        );
      }
      lines.set(key, keyNode as Node);
      setEntry(own, key, value);
    }
    if (!sources) return own;
    const out: YamlMap = {};
    for (let i = sources.length - 1; i >= 0; i--) {
      const src = sources[i] as YamlMap;
      for (const k of Object.keys(src)) setEntry(out, k, this.copy(src[k] as YamlValue, n));
    }
    for (const k of Object.keys(own)) setEntry(out, k, own[k] as YamlValue);
    return out;
  }

  /** yaml.v2 + sigs.k8s.io/yaml: keys stringified, merges applied in order, later keys win. */
  private mapV2(n: YAMLMap): YamlMap {
    const out: YamlMap = {};
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const keyNode = this.deref(pair.key);
      if (isMergeKey(keyNode)) {
        const sources = mergeSources(this, pair.value, (v) => this.value(v));
        for (let i = sources.length - 1; i >= 0; i--) {
          const src = sources[i] as YamlMap;
          for (const k of Object.keys(src)) setEntry(out, k, this.copy(src[k] as YamlValue, n));
        }
        continue;
      }
      const key = this.keyOf(() => mapKeyV2(keyNode), keyNode);
      setEntry(out, key ?? '<<', this.value(pair.value));
    }
    return out;
  }

  private keyOf(f: () => string | undefined, keyNode: unknown): string | undefined {
    try {
      return f();
    } catch (e) {
      throw this.error(keyNode, (e as Error).message, e);
    }
  }

  /** A key node with aliases followed (keys are never copied, only inspected). */
  private deref(node: unknown): unknown {
    if (isAlias(node)) {
      const t = this.target(node.source, node);
      // Visit nothing: the anchored key was already converted when it was defined.
      return t;
    }
    if (node && (node as Node).anchor) this.value(node);
    return node;
  }

  private lineOf(node: Node): number {
    const off = node.range ? node.range[0] : 0;
    let line = 1 + this.ref.baseLine;
    for (
      let i = this.ref.text.indexOf('\n');
      i !== -1 && i < off;
      i = this.ref.text.indexOf('\n', i + 1)
    )
      line++;
    return line;
  }
}
