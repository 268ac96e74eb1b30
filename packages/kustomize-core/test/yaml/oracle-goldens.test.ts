/**
 * Whole resources read and printed, compared byte for byte with `kubectl kustomize` output
 * captured in `fixtures/` (see its README).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { YamlMap } from '@kustomate/resource';
import { KustomizeError } from '../../src/errors.js';
import { emitResources, parseResourceYaml } from '../../src/yaml/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const load = <T>(name: string): T[] =>
  JSON.parse(readFileSync(join(here, 'fixtures', name), 'utf8')) as T[];

interface Golden {
  name: string;
  input: string;
  output: string;
}
interface ErrorGolden {
  name: string;
  input: string;
  oracleError: string;
}

describe('resource goldens (hand-written inputs)', () => {
  for (const g of load<Golden>('resource-goldens.json')) {
    it(g.name, () => {
      expect(emitResources(parseResourceYaml(g.input, 'r.yaml') as YamlMap[])).toBe(g.output);
    });
  }
});

describe('resource goldens (generated inputs)', () => {
  for (const g of load<Golden>('fuzz-goldens.json')) {
    it(g.name, () => {
      expect(emitResources(parseResourceYaml(g.input, 'r.yaml') as YamlMap[])).toBe(g.output);
    });
  }
});

describe('inputs kustomize refuses', () => {
  for (const g of load<ErrorGolden>('error-goldens.json')) {
    it(g.name, () => {
      let thrown: unknown;
      try {
        emitResources(parseResourceYaml(g.input, 'r.yaml') as YamlMap[]);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(KustomizeError);
      expect(['InvalidYaml', 'Output']).toContain((thrown as KustomizeError).code);
    });
  }
});
