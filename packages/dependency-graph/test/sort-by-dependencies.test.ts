import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DependencyCycleError,
  DependencyGraphError,
  formatUnitRef,
  sortByDependencies,
  type DependencyUnit,
} from '../src/index.js';

const keys = (stages: DependencyUnit[][]): string[][] => stages.map((s) => s.map(formatUnitRef));

function errorOf(run: () => unknown): DependencyGraphError {
  try {
    run();
  } catch (e) {
    if (e instanceof DependencyGraphError) return e;
    throw e;
  }
  throw new Error('expected a DependencyGraphError');
}

describe('sortByDependencies', () => {
  it('orders dependencies first, in stages (fluxcd/pkg "simple")', () => {
    const { stages, missing } = sortByDependencies([
      {
        namespace: 'default',
        name: 'frontend',
        dependsOn: [
          { namespace: 'linkerd', name: 'linkerd' },
          { namespace: 'default', name: 'backend' },
        ],
      },
      { namespace: 'linkerd', name: 'linkerd', dependsOn: [] },
      {
        namespace: 'default',
        name: 'backend',
        dependsOn: [{ namespace: 'linkerd', name: 'linkerd' }],
      },
    ]);
    expect(keys(stages)).toEqual([['linkerd/linkerd'], ['default/backend'], ['default/frontend']]);
    expect(missing).toEqual([]);
  });

  it('puts independent units in one stage, sorted by key', () => {
    const { stages } = sortByDependencies([
      { name: 'tests', dependsOn: [{ name: 'apps' }] },
      { name: 'monitoring' },
      { name: 'apps', dependsOn: [{ name: 'infra' }, { name: 'monitoring' }] },
      { name: 'infra' },
    ]);
    expect(keys(stages)).toEqual([['infra', 'monitoring'], ['apps'], ['tests']]);
  });

  it('defaults a dependency’s namespace to the dependent’s (fluxcd/pkg "missing namespace")', () => {
    const { stages } = sortByDependencies([
      { namespace: 'application', name: 'frontend', dependsOn: [{ name: 'backend' }] },
      { namespace: 'application', name: 'backend', dependsOn: [] },
    ]);
    expect(keys(stages)).toEqual([['application/backend'], ['application/frontend']]);
  });

  it('reports dependencies outside the set per unit (fluxcd/pkg "dead end")', () => {
    const { stages, missing } = sortByDependencies([
      { namespace: 'default', name: 'backend', dependsOn: [{ name: 'common' }] },
      { namespace: 'default', name: 'frontend', dependsOn: [{ name: 'infra' }, { name: 'x' }] },
      { namespace: 'default', name: 'common', dependsOn: [] },
    ]);
    expect(keys(stages)).toEqual([['default/common', 'default/frontend'], ['default/backend']]);
    expect(
      missing.map((m) => [formatUnitRef(m.unit), m.missing.map(formatUnitRef), m.message]),
    ).toEqual([
      [
        'default/frontend',
        ['default/infra', 'default/x'],
        "dependency 'default/infra' not found, dependency 'default/x' not found",
      ],
    ]);
  });

  it('orders units of any kind, a dependency’s kind defaulting to the dependent’s', () => {
    const { stages } = sortByDependencies([
      {
        kind: 'Kustomization',
        namespace: 'flux-system',
        name: 'apps',
        dependsOn: [{ name: 'infra' }, { kind: 'HelmRelease', namespace: 'db', name: 'pg' }],
      },
      { kind: 'Kustomization', namespace: 'flux-system', name: 'infra' },
      { kind: 'HelmRelease', namespace: 'db', name: 'pg', dependsOn: [{ name: 'operator' }] },
      { kind: 'HelmRelease', namespace: 'db', name: 'operator' },
    ]);
    expect(keys(stages)).toEqual([
      ['HelmRelease/db/operator', 'Kustomization/flux-system/infra'],
      ['HelmRelease/db/pg'],
      ['Kustomization/flux-system/apps'],
    ]);
  });

  it('throws DependencyCycleError naming the path (fluxcd/pkg "circular dependency")', () => {
    const e = errorOf(() =>
      sortByDependencies([
        { name: 'a', dependsOn: [{ name: 'b' }] },
        { name: 'b', dependsOn: [{ name: 'c' }] },
        { name: 'c', dependsOn: [{ name: 'a' }] },
        { name: 'fine', dependsOn: [] },
      ]),
    );
    expect(e).toBeInstanceOf(DependencyCycleError);
    expect(e.code).toBe('DependencyCycle');
    expect((e as DependencyCycleError).cycle).toEqual(['a', 'b', 'c', 'a']);
    expect(e.message).toBe('circular dependencies: [a -> b -> c -> a]');
    expect(e.data).toEqual({ cycles: [['a', 'b', 'c', 'a']] });
  });

  it('names every cycle and treats a self-dependency as one', () => {
    const e = errorOf(() =>
      sortByDependencies([
        { namespace: 'ns', name: 'me', dependsOn: [{ name: 'me' }] },
        { namespace: 'ns', name: 'x', dependsOn: [{ name: 'y' }] },
        { namespace: 'ns', name: 'y', dependsOn: [{ name: 'x' }] },
      ]),
    ) as DependencyCycleError;
    expect(e.cycles).toEqual([
      ['ns/me', 'ns/me'],
      ['ns/x', 'ns/y', 'ns/x'],
    ]);
    expect(e.message).toBe('circular dependencies: [ns/me -> ns/me, ns/x -> ns/y -> ns/x]');
  });

  it('rejects a unit listed twice', () => {
    const unit = { namespace: 'ns', name: 'a' };
    expect(errorOf(() => sortByDependencies([unit, unit])).code).toBe('DuplicateUnit');
  });
});

/** Random graphs over n units named k0…k(n-1); edges may form cycles. */
const graph: fc.Arbitrary<DependencyUnit[]> = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), {
      minLength: n,
      maxLength: n,
    }),
  )
  .map((deps) =>
    deps.map((d, i): DependencyUnit => ({
      name: `k${i}`,
      dependsOn: d.map((j) => ({ name: `k${j}` })),
    })),
  );

/** Random DAGs: unit i may only depend on units with a smaller index; shuffled. */
const dag: fc.Arbitrary<DependencyUnit[]> = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, i - 1) }), {
          maxLength: i === 0 ? 0 : 4,
        }),
      ),
    ),
  )
  .chain((deps) =>
    fc.shuffledSubarray(
      deps.map((d, i): DependencyUnit => ({
        name: `k${i}`,
        dependsOn: d.map((j) => ({ name: `k${j}` })),
      })),
      { minLength: deps.length, maxLength: deps.length },
    ),
  );

/** Units that lie on a cycle, by brute force: those that reach themselves over one edge or more. */
function onCycles(units: DependencyUnit[]): Set<string> {
  const edges = new Map(units.map((u) => [u.name, (u.dependsOn ?? []).map((d) => d.name)]));
  const found = new Set<string>();
  for (const start of edges.keys()) {
    const seen = new Set<string>();
    const todo = [...(edges.get(start) ?? [])];
    while (todo.length > 0) {
      const v = todo.pop() ?? '';
      if (v === start) found.add(start);
      if (seen.has(v)) continue;
      seen.add(v);
      todo.push(...(edges.get(v) ?? []));
    }
  }
  return found;
}

function cyclesOf(units: DependencyUnit[]): string[][] | undefined {
  try {
    sortByDependencies(units);
    return undefined;
  } catch (e) {
    if (e instanceof DependencyCycleError) return e.cycles.map((c) => [...c]);
    throw e;
  }
}

describe('sortByDependencies laws', () => {
  it('every produced order respects every edge, and stages are as early as possible', () => {
    fc.assert(
      fc.property(dag, (units) => {
        const stages = keys(sortByDependencies(units).stages);
        const stageOf = new Map(stages.flatMap((s, i) => s.map((k): [string, number] => [k, i])));
        expect(stages.flat().sort()).toEqual(units.map((u) => u.name).sort());
        for (const unit of units) {
          const mine = stageOf.get(unit.name) ?? -1;
          const deps = (unit.dependsOn ?? []).map((d) => stageOf.get(d.name) ?? Infinity);
          for (const s of deps) expect(s).toBeLessThan(mine);
          if (mine > 0) expect(deps).toContain(mine - 1);
        }
      }),
    );
  });

  it('every cycle is found: each unit on a cycle is named in one, and each path is a real loop', () => {
    fc.assert(
      fc.property(graph, (units) => {
        const expected = onCycles(units);
        const cycles = cyclesOf(units);
        if (expected.size === 0) {
          expect(cycles).toBeUndefined();
          return;
        }
        expect(cycles).toBeDefined();
        const named = new Set((cycles ?? []).flatMap((c) => c));
        expect([...named].sort()).toEqual([...expected].sort());
        const edges = new Map(units.map((u) => [u.name, (u.dependsOn ?? []).map((d) => d.name)]));
        for (const c of cycles ?? []) {
          expect(c[0]).toBe(c[c.length - 1]);
          for (let i = 1; i < c.length; i++) {
            expect(edges.get(c[i - 1] ?? '')).toContain(c[i]);
          }
        }
      }),
    );
  });

  it('the result does not depend on input order', () => {
    fc.assert(
      fc.property(
        graph.chain((units) =>
          fc.tuple(fc.constant(units), fc.shuffledSubarray(units, { minLength: units.length })),
        ),
        ([units, shuffled]) => {
          const run = (list: DependencyUnit[]): unknown => {
            try {
              const { stages, missing } = sortByDependencies(list);
              return { stages: keys(stages), missing: missing.map((m) => m.message) };
            } catch (e) {
              if (e instanceof DependencyCycleError)
                return { message: e.message, cycles: e.cycles };
              throw e;
            }
          };
          expect(run(shuffled)).toEqual(run(units));
        },
      ),
    );
  });

  it('a closing edge is always reported as a cycle through both ends', () => {
    fc.assert(
      fc.property(dag, (units) => {
        const first = units.find((u) => (u.dependsOn ?? []).length > 0);
        const target = units.find((u) => u.name === first?.dependsOn?.[0]?.name);
        if (!first || !target) return;
        const looped = units.map((u) =>
          u === target ? { ...u, dependsOn: [...(u.dependsOn ?? []), { name: first.name }] } : u,
        );
        const cycles = cyclesOf(looped) ?? [];
        expect(cycles.some((c) => c.includes(first.name) && c.includes(target.name))).toBe(true);
      }),
    );
  });
});
