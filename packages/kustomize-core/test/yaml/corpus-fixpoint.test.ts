/**
 * kustomize's output is a fixpoint of parse + emit: re-reading any printed resource with
 * yaml.v3 semantics and printing it again gives the same bytes. Checked on every document
 * of every conformance case's expected output.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emitYaml, parseResourceYaml } from '../../src/yaml/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const casesDir = join(repoRoot, '../shared/conformance/kustomize/cases');

/** Splits kustomize output into its documents (it joins them with `---\n`). */
function documents(text: string): string[] {
  return text.length === 0 ? [] : text.split(/^---\n/m);
}

/** Documents that cannot round-trip, with the reason. */
const EXCLUDED = new Map<string, string>();

const cases = existsSync(casesDir)
  ? readdirSync(casesDir)
      .filter((c) => existsSync(join(casesDir, c, 'expected.yaml')))
      .sort()
  : [];

describe('conformance corpus: emitYaml(parseResourceYaml(doc)) === doc', () => {
  it('finds the corpus', () => {
    expect(cases.length).toBeGreaterThan(100);
  });
  for (const name of cases) {
    it(name, () => {
      const text = readFileSync(join(casesDir, name, 'expected.yaml'), 'utf8');
      documents(text).forEach((doc, i) => {
        if (EXCLUDED.has(`${name}#${i}`)) return;
        const parsed = parseResourceYaml(doc);
        expect(parsed).toHaveLength(1);
        expect(emitYaml(parsed[0] ?? null)).toBe(doc);
      });
    });
  }
});
