import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import type { ClusterClient, KubeObject } from '../cluster-client.js';
import { ClusterError } from '../cluster-error.js';
import { FieldSet } from '../fieldpath/field-set.js';

/** One case of `../shared/conformance/ssa/merge/cases.json` (the fields the suite reads). */
export interface SsaMergeCase {
  name: string;
  schemaYaml: string;
  ops: {
    kind: 'apply' | 'forceApply' | 'update';
    manager: string;
    apiVersion: string;
    object: YamlMap | null;
    expectConflicts?: { manager: string; path: string }[];
  }[];
  expectedObject: YamlMap | null;
  expectedManaged: Record<string, { apiVersion: string; set: string[] }> | null;
}

const GROUP = 'ssa.conformance.kustomate.dev';

/** A CRD whose `spec` keeps unknown fields: structured-merge-diff's deduced schema. */
function caseCrd(versions: string[]): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `ssacases.${GROUP}` },
    spec: {
      group: GROUP,
      scope: 'Namespaced',
      names: { kind: 'SsaCase', plural: 'ssacases', singular: 'ssacase', listKind: 'SsaCaseList' },
      versions: versions.map((name, i) => ({
        name,
        served: true,
        storage: i === 0,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          },
        },
      })),
    },
  };
}

function ownedUnderSpec(entry: YamlMap): string[] {
  const tree = (entry['fieldsV1'] as YamlMap | undefined)?.['f:spec'];
  return FieldSet.fromFieldsV1(tree ?? {})?.toStrings() ?? [];
}

/**
 * Replays the deduced-schema cases of structured-merge-diff's `merge/` tests through a
 * `ClusterClient`: each case object is the `spec` of a custom resource whose schema keeps
 * unknown fields, so ownership, conflicts and pruning must come out as upstream expects.
 *
 * @example
 * ```ts
 * describeSsaMergeCases('memory', { create: () => createMemoryCluster(), cases });
 * ```
 */
export function describeSsaMergeCases(
  name: string,
  options: { create(): ClusterClient | Promise<ClusterClient>; cases: readonly SsaMergeCase[] },
): void {
  const cases = options.cases.filter((c) => c.schemaYaml === 'deduced');
  const versions = [...new Set(cases.flatMap((c) => c.ops.map((o) => o.apiVersion)))].sort();
  describe(`structured-merge-diff cases through ClusterClient: ${name}`, () => {
    for (const [index, c] of cases.entries()) {
      it(c.name, async () => {
        const client = await options.create();
        const ns = `ssa-case-${index}`;
        await client.apply(
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
          { fieldManager: 'conformance' },
        );
        await client.apply(caseCrd(versions), { fieldManager: 'conformance' });
        const ref = {
          apiVersion: `${GROUP}/${versions[0] ?? 'v1'}`,
          kind: 'SsaCase',
          namespace: ns,
          name: 'case',
        };
        for (const op of c.ops) {
          const object: KubeObject = {
            apiVersion: `${GROUP}/${op.apiVersion}`,
            kind: 'SsaCase',
            metadata: { name: 'case', namespace: ns },
            ...(op.object && Object.keys(op.object).length > 0 ? { spec: op.object } : {}),
          };
          if (op.kind === 'update') {
            const live = await client.get(ref);
            if (live)
              await client.update(
                { ...object, metadata: { ...(live['metadata'] as YamlMap), managedFields: null } },
                { fieldManager: op.manager },
              );
            else await client.create(object, { fieldManager: op.manager });
            continue;
          }
          const applied = client.apply(object, {
            fieldManager: op.manager,
            force: op.kind === 'forceApply',
          });
          if (!op.expectConflicts) {
            await applied;
            continue;
          }
          const error = await applied.then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(ClusterError);
          expect((error as ClusterError).code).toBe('Conflict');
          const got = ((error as ClusterError).data?.conflicts ?? [])
            .map((x) => `${x.manager} ${x.field}`)
            .sort();
          expect(got).toEqual(op.expectConflicts.map((x) => `${x.manager} .spec${x.path}`).sort());
        }
        const live = await client.get(ref);
        if (c.expectedObject !== null) expect(live?.['spec'] ?? {}).toEqual(c.expectedObject);
        if (c.expectedManaged !== null) {
          const entries = ((live?.['metadata'] as YamlMap | undefined)?.['managedFields'] ??
            []) as YamlMap[];
          const got: Record<string, { apiVersion: string; set: string[] }> = {};
          for (const e of entries) {
            const set = ownedUnderSpec(e);
            if (set.length > 0)
              got[String(e['manager'])] = {
                apiVersion: String(e['apiVersion']).slice(GROUP.length + 1),
                set,
              };
          }
          const want: Record<string, { apiVersion: string; set: string[] }> = {};
          for (const [m, v] of Object.entries(c.expectedManaged))
            want[m] = { apiVersion: v.apiVersion, set: [...v.set].sort() };
          expect(got).toEqual(want);
        }
      });
    }
  });
}
