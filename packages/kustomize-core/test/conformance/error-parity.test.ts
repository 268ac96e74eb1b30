import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeFs } from '@kustomate/vfs/node';
import { build, KustomizeError } from '../../src/index.js';
import { casePaths, corpusDir, loadCorpus, repoRoot, restrictorOf } from './corpus.js';

/**
 * Error-message parity with kustomize: for each error case of the corpus, our message names the
 * file(s), object id and field that kustomize's `expected-error.txt` names. The expectations in
 * error-parity.json are derived from kustomize's text (paths made relative to the build
 * directory), never from our output.
 */
interface ParityEntry {
  /** What kustomize's message names. */
  kustomize: string;
  /** Substrings our message must contain. */
  contains: string[];
  /** Substrings each of our `location` fields must contain. */
  location?: { file?: string; object?: string; field?: string };
  /** kustomize names nothing (a crash): `contains` is our own wording. */
  ownWording?: boolean;
  note?: string;
  /** A known difference: `missing` substrings are asserted absent until it is fixed. */
  gap?: { missing: string[]; reason: string };
}

const here = join(repoRoot, 'packages/kustomize-core/test/conformance');
const table = JSON.parse(readFileSync(join(here, 'error-parity.json'), 'utf8')) as {
  cases: Record<string, ParityEntry>;
};
const haveCorpus = existsSync(join(corpusDir, 'index.json'));
const errorCases = haveCorpus ? loadCorpus().filter((c) => c.expect === 'error') : [];

async function failure(name: string): Promise<KustomizeError> {
  const c = errorCases.find((x) => x.name === name);
  if (c === undefined) throw new Error(`${name} is not an error case of the corpus`);
  const { buildDir } = casePaths(c);
  try {
    await build({ fs: createNodeFs(), path: buildDir, loadRestrictor: restrictorOf(c) });
  } catch (e) {
    expect(e).toBeInstanceOf(KustomizeError);
    return e as KustomizeError;
  }
  throw new Error(`${name}: the build succeeded but kustomize fails`);
}

describe('error-message parity with kustomize', () => {
  it('has one expectation per error case', () => {
    expect(Object.keys(table.cases).sort()).toEqual(errorCases.map((c) => c.name).sort());
  });

  for (const c of errorCases) {
    const entry = table.cases[c.name];
    it(c.name, async () => {
      expect(entry, `no entry in error-parity.json for ${c.name}`).toBeDefined();
      const { contains, location = {}, gap } = entry as ParityEntry;
      const e = await failure(c.name);
      const { input, buildDir } = casePaths(c);
      // One clear line, no Go pointers, paths relative to the build directory (the build
      // directory itself may be named as the caller gave it).
      expect(e.message).not.toContain('\n');
      expect(e.message).not.toMatch(/0x[0-9a-f]|&\{/);
      expect(e.message.split(buildDir).join('')).not.toContain(input);
      const missing = new Set(gap?.missing ?? []);
      for (const s of contains) {
        if (missing.has(s)) expect(e.message, `known gap: ${gap?.reason}`).not.toContain(s);
        else expect(e.message).toContain(s);
      }
      for (const [key, want] of Object.entries(location)) {
        const got = e.location[key as keyof typeof location];
        expect(String(got ?? ''), `location.${key}`).toContain(want);
      }
    });
  }
});
