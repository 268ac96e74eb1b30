import { isYamlMap, type YamlValue } from '@kustomate/resource';
import type { FieldSpec, NameBackReference } from '../data/field-spec-types.js';
import { KustomizeError } from '../errors.js';
import {
  emptyTransformerConfig,
  FIELD_SPEC_LISTS,
  sortTransformerConfig,
  type TransformerConfig,
} from './transformer-config.js';

const PREFIX = 'error unmarshaling JSON: while decoding JSON: json:';

function jsonType(v: YamlValue): string {
  if (Array.isArray(v)) return 'array';
  if (isYamlMap(v)) return 'object';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  return 'string';
}

class Decoder {
  constructor(private readonly file: string) {}

  error(message: string, field?: string): KustomizeError {
    return new KustomizeError('TransformerConfig', `${PREFIX} ${message}`, {
      location: { file: this.file, ...(field === undefined ? {} : { field }) },
    });
  }

  mismatch(v: YamlValue, goType: string, where: string): KustomizeError {
    return this.error(`cannot unmarshal ${jsonType(v)} into Go ${where} of type ${goType}`, where);
  }

  /** Go encoding/json struct decoding: case-insensitive names, unknown fields rejected. */
  fields(
    v: YamlMap,
    known: readonly string[],
    goType: string,
    each: (name: string, value: YamlValue) => void,
  ): void {
    const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
    for (const [key, value] of Object.entries(v)) {
      const name = byLower.get(key.toLowerCase());
      if (name === undefined) throw this.error(`unknown field "${key}"`, `${goType}.${key}`);
      if (value !== null) each(name, value);
    }
  }

  string(v: YamlValue, where: string): string {
    if (typeof v !== 'string') throw this.mismatch(v, 'string', `struct field ${where}`);
    return v;
  }

  fieldSpec(v: YamlValue, where: string): FieldSpec {
    const fs: FieldSpec = { group: '', version: '', kind: '', path: '', create: false };
    if (v === null) return fs;
    if (!isYamlMap(v)) throw this.mismatch(v, 'types.FieldSpec', `struct field ${where}`);
    this.fields(v, ['group', 'version', 'kind', 'path', 'create'], 'FieldSpec', (name, value) => {
      if (name === 'create') {
        if (typeof value !== 'boolean')
          throw this.mismatch(value, 'bool', `struct field FieldSpec.create`);
        fs.create = value;
      } else {
        fs[name as 'group' | 'version' | 'kind' | 'path'] = this.string(value, `FieldSpec.${name}`);
      }
    });
    return fs;
  }

  list<T>(
    v: YamlValue,
    goType: string,
    where: string,
    item: (x: YamlValue, where: string) => T,
  ): T[] {
    if (!Array.isArray(v)) throw this.mismatch(v, `[]${goType}`, `struct field ${where}`);
    return v.map((x) => item(x, where));
  }

  backReference(v: YamlValue, where: string): NameBackReference {
    const nbr: NameBackReference = { group: '', version: '', kind: '', referrers: [] };
    if (v === null) return nbr;
    if (!isYamlMap(v))
      throw this.mismatch(v, 'builtinconfig.NameBackReferences', `struct field ${where}`);
    this.fields(
      v,
      ['group', 'version', 'kind', 'fieldSpecs'],
      'NameBackReferences',
      (name, value) => {
        if (name === 'fieldSpecs') {
          nbr.referrers = this.list(
            value,
            'types.FieldSpec',
            'NameBackReferences.fieldSpecs',
            (x, w) => this.fieldSpec(x, w),
          );
        } else {
          nbr[name as 'group' | 'version' | 'kind'] = this.string(
            value,
            `NameBackReferences.${name}`,
          );
        }
      },
    );
    return nbr;
  }
}

type YamlMap = Extract<YamlValue, Record<string, unknown>>;

/**
 * Parses a `configurations:` file (already read as YAML 1.1, like `sigs.k8s.io/yaml`) into a
 * {@link TransformerConfig}, strictly as kustomize does: keys `namePrefix`, `nameSuffix`,
 * `namespace`, `commonLabels`, `labels`, `templateLabels`, `commonAnnotations`,
 * `nameReference` (entries `{group, version, kind, fieldSpecs}`), `varReference`, `images`,
 * `replicas`, matched case-insensitively; unknown keys and wrong types are
 * `TransformerConfig` errors. Lists come back sorted by GVK, not merged.
 *
 * @example parseTransformerConfig({ nameReference: [{ kind: 'ConfigMap', fieldSpecs: [{ kind: 'Foo', path: 'spec/ref' }] }] }, 'c.yaml')
 */
export function parseTransformerConfig(value: YamlValue, file: string): TransformerConfig {
  const d = new Decoder(file);
  const config = emptyTransformerConfig();
  if (value === null) return config;
  if (!isYamlMap(value)) throw d.mismatch(value, 'builtinconfig.TransformerConfig', 'value');
  const listNames = FIELD_SPEC_LISTS.map(([k]) => k as string);
  d.fields(value, [...listNames, 'nameReference'], 'TransformerConfig', (name, v) => {
    if (name === 'nameReference') {
      config.nameReference = d.list(
        v,
        'builtinconfig.NameBackReferences',
        'TransformerConfig.nameReference',
        (x, w) => d.backReference(x, w),
      );
    } else {
      const key = name as (typeof FIELD_SPEC_LISTS)[number][0];
      config[key] = d.list(v, 'types.FieldSpec', `TransformerConfig.${name}`, (x, w) =>
        d.fieldSpec(x, w),
      );
    }
  });
  return sortTransformerConfig(config);
}
