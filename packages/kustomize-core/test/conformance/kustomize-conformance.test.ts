import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeFs } from '@kustomate/vfs/node';
import { build } from '../../src/index.js';
import {
  casePaths,
  expectedOutput,
  loadCorpus,
  loadKnownGaps,
  repoRoot,
  restrictorOf,
  type CorpusCase,
} from './corpus.js';

const here = join(repoRoot, 'packages/kustomize-core/test/conformance');
const knownGaps = loadKnownGaps(join(here, 'known-gaps.txt'));
const ratchet = JSON.parse(readFileSync(join(here, 'ratchet.json'), 'utf8')) as {
  outputPassed: number;
  errorPassed: number;
};

async function runCase(c: CorpusCase): Promise<{ ok: boolean; detail: string }> {
  const { buildDir } = casePaths(c);
  try {
    const result = await build({
      fs: createNodeFs(),
      path: buildDir,
      loadRestrictor: restrictorOf(c),
    });
    const out = result.toYaml();
    if (c.expect === 'error') return { ok: false, detail: 'build succeeded but kustomize fails' };
    const want = expectedOutput(c);
    return { ok: out === want, detail: out === want ? '' : `output differs:\n${out}` };
  } catch (e) {
    if (c.expect === 'error') return { ok: true, detail: '' };
    return { ok: false, detail: `build failed: ${(e as Error).message}` };
  }
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 200);
}

const corpus = loadCorpus();
let outputPassed = 0;
let errorPassed = 0;
const failures = new Map<string, string>();
const GAPS_HEADER = `# Conformance cases kustomate does not pass yet, one per line: <case>  # <reason>.
# Regenerate with UPDATE_CONFORMANCE=1 pnpm vitest run packages/kustomize-core/test/conformance
`;

describe('kustomize v5.5 conformance corpus', () => {
  for (const c of corpus) {
    const gap = knownGaps.get(c.name);
    it(`${c.name}${gap !== undefined ? ' (known gap)' : ''}`, async () => {
      const { ok, detail } = await runCase(c);
      if (!ok) failures.set(c.name, firstLine(detail));
      if (ok) {
        if (c.expect === 'output') outputPassed++;
        else errorPassed++;
      }
      if (gap !== undefined) {
        expect(ok, `${c.name} now passes: remove it from known-gaps.txt`).toBe(false);
      } else {
        expect(ok, detail).toBe(true);
        if (c.expect === 'output') expect(detail).toBe('');
      }
    });
  }

  it('passes at least the ratcheted number of cases', () => {
    if (process.env.UPDATE_CONFORMANCE === '1') {
      writeFileSync(
        join(here, 'ratchet.json'),
        `${JSON.stringify({ outputPassed, errorPassed })}\n`,
      );
      const lines = [...failures].map(([name, why]) => `${name}  # ${why}`);
      writeFileSync(join(here, 'known-gaps.txt'), `${GAPS_HEADER}${lines.join('\n')}\n`);
      return;
    }
    expect(outputPassed).toBeGreaterThanOrEqual(ratchet.outputPassed);
    expect(errorPassed).toBeGreaterThanOrEqual(ratchet.errorPassed);
  });
});
