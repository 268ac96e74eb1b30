import { cloneYaml, type YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { applyStrategicMerge, createSchemaFromOpenApi } from '../../src/patch/index.js';
import { builtinSchema, type SchemaInfo } from '../../src/schema/schema-info.js';
import { CONFORMANCE_SMP_CASES, type ConformancePatch } from './fixtures/conformance-smp-cases.js';

const meta = (r: YamlMap): YamlMap => r.metadata as YamlMap;
const idOf = (r: YamlMap): string => `${String(r.kind)}/${String(meta(r).name)}`;

function selected(resource: YamlMap, entry: ConformancePatch): boolean {
  const { target, patch } = entry;
  if (!target) return idOf(resource) === idOf(patch);
  if (target.kind !== undefined && resource.kind !== target.kind) return false;
  if (target.name !== undefined && meta(resource).name !== target.name) return false;
  if (target.labelSelector !== undefined) {
    const [key, value] = target.labelSelector.split('=') as [string, string];
    const labels = (meta(resource).labels ?? {}) as YamlMap;
    if (labels[key] !== value) return false;
  }
  return true;
}

/** The patch loop of kustomize's PatchTransformer / PatchStrategicMergeTransformer, minus ids. */
function build(resources: YamlMap[], patches: ConformancePatch[], schema: SchemaInfo): YamlMap[] {
  let current = resources.map((r) => cloneYaml(r));
  for (const entry of patches) {
    current = current.flatMap((res) => {
      if (!selected(res, entry)) return [res];
      const patch = cloneYaml(entry.patch);
      if (entry.target) patch.apiVersion = res.apiVersion ?? null;
      const { kind } = res;
      const { name, namespace } = meta(res);
      const out = applyStrategicMerge(res, patch, { schema });
      if (out === null) return [];
      out.kind = kind ?? null;
      meta(out).name = name ?? null;
      if (namespace === undefined) delete meta(out).namespace;
      else meta(out).namespace = namespace;
      return [out];
    });
  }
  return current;
}

describe('strategic merge on conformance cases', () => {
  for (const c of CONFORMANCE_SMP_CASES) {
    it(c.name, () => {
      const schema = c.openapi ? createSchemaFromOpenApi(c.openapi, 'schema.json') : builtinSchema;
      const built = build(c.resources, c.patches, schema);
      const byId = (list: YamlMap[]) => new Map(list.map((r) => [idOf(r), r]));
      expect(byId(built)).toEqual(byId(c.expected));
    });
  }
});
