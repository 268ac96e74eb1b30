import { analyzeDependencies } from './analyze-dependencies.js';
import { formatUnitRef, type DependencyUnit } from './dependency-unit.js';

/** A dependency graph rendered for people: plain text for the CLI, Mermaid for docs. */
export interface Explanation {
  text: string;
  mermaid: string;
}

/** Mermaid label text: double quotes are not allowed inside `["…"]`. */
function label(text: string): string {
  return `["${text.replaceAll('"', '#quot;')}"]`;
}

/**
 * Renders a set of units and their `dependsOn` as text and as a Mermaid flowchart. Never
 * throws on a cycle: cycles, the units they block and absent dependencies are rendered too.
 * Text lists each stage with the units it runs and what each waits for; Mermaid draws one
 * subgraph per stage, an arrow from each dependency to its dependent, absent dependencies as
 * dashed `(missing)` nodes and units in a cycle with the `cycle` class.
 *
 * @example
 * ```ts
 * const { text, mermaid } = explain([{ name: 'apps', dependsOn: [{ name: 'infra' }] }, { name: 'infra' }]);
 * console.log(text);
 * // stage 1
 * //   infra
 * // stage 2
 * //   apps (after infra)
 * ```
 */
export function explain(graph: readonly DependencyUnit[]): Explanation {
  const analysis = analyzeDependencies(graph);
  const keyOf = (u: DependencyUnit): string => formatUnitRef(u);
  const after = new Map<string, string[]>();
  for (const [dep, unit] of analysis.edges)
    (after.get(unit) ?? after.set(unit, []).get(unit))?.push(dep);
  const missing = new Map(
    analysis.missing.map((m) => [keyOf(m.unit), m.missing.map(formatUnitRef)]),
  );
  const describe = (key: string): string => {
    const notes = [
      ...(after.has(key) ? [`after ${(after.get(key) ?? []).join(', ')}`] : []),
      ...(missing.has(key) ? [`missing ${(missing.get(key) ?? []).join(', ')}`] : []),
    ];
    return notes.length > 0 ? `  ${key} (${notes.join('; ')})` : `  ${key}`;
  };

  const text: string[] = [];
  analysis.stages.forEach((stage, i) => {
    text.push(`stage ${i + 1}`, ...stage.map((u) => describe(keyOf(u))));
  });
  if (analysis.cycles.length > 0) {
    text.push('cycles', ...analysis.cycles.map((c) => `  ${c.join(' -> ')}`));
    text.push('blocked', ...analysis.blocked.map((u) => describe(keyOf(u))));
  }

  const ids = new Map<string, string>();
  const id = (key: string): string => ids.get(key) ?? ids.set(key, `u${ids.size}`).get(key) ?? key;
  const mermaid = ['flowchart LR'];
  analysis.stages.forEach((stage, i) => {
    mermaid.push(`  subgraph stage${i + 1}${label(`stage ${i + 1}`)}`);
    for (const u of stage) mermaid.push(`    ${id(keyOf(u))}${label(keyOf(u))}`);
    mermaid.push('  end');
  });
  for (const u of analysis.blocked) mermaid.push(`  ${id(keyOf(u))}${label(keyOf(u))}`);
  for (const [dep, unit] of analysis.edges) mermaid.push(`  ${id(dep)} --> ${id(unit)}`);
  let m = 0;
  for (const [unit, refs] of missing) {
    for (const ref of refs) {
      mermaid.push(`  m${m}${label(`${ref} (missing)`)}:::missing -.-> ${id(unit)}`);
      m += 1;
    }
  }
  if (m > 0) mermaid.push('  classDef missing stroke-dasharray: 5 5');
  const cyclic = [...new Set(analysis.cycles.flat())].map(id);
  if (cyclic.length > 0) {
    mermaid.push(
      '  classDef cycle stroke:#d33,stroke-width:2px',
      `  class ${cyclic.join(',')} cycle`,
    );
  }
  return { text: text.join('\n'), mermaid: mermaid.join('\n') };
}
