import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, three levels above this directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** `../shared` beside the repository, as CI lays it out. */
export const sharedDir = resolve(repoRoot, '../shared');
/** The kustomize conformance corpus. */
export const corpusDir = join(sharedDir, 'conformance/kustomize');

/** One entry of the corpus's index.json. */
export interface CorpusCase {
  name: string;
  buildDir: string;
  expect: 'output' | 'error';
  features: string[];
  buildArgs?: string;
}

/** Every case of the corpus, in index order. */
export function loadCorpus(): CorpusCase[] {
  return JSON.parse(readFileSync(join(corpusDir, 'index.json'), 'utf8')) as CorpusCase[];
}

/** The case's input directory and the directory to build. */
export function casePaths(c: CorpusCase): { input: string; buildDir: string } {
  const input = join(corpusDir, 'cases', c.name, 'input');
  return { input, buildDir: resolve(input, c.buildDir) };
}

/** The expected output of an output case. */
export function expectedOutput(c: CorpusCase): string {
  return readFileSync(join(corpusDir, 'cases', c.name, 'expected.yaml'), 'utf8');
}

/** Whether the case sets `--load-restrictor LoadRestrictionsNone`. */
export function restrictorOf(c: CorpusCase): 'LoadRestrictionsRootOnly' | 'LoadRestrictionsNone' {
  return (c.buildArgs ?? '').includes('LoadRestrictionsNone')
    ? 'LoadRestrictionsNone'
    : 'LoadRestrictionsRootOnly';
}

/** Known gaps: case name → reason, from known-gaps.txt (`name  # reason` per line). */
export function loadKnownGaps(file: string): Map<string, string> {
  const gaps = new Map<string, string>();
  if (!existsSync(file)) return gaps;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const hash = trimmed.indexOf('#');
    const name = (hash < 0 ? trimmed : trimmed.slice(0, hash)).trim();
    gaps.set(name, hash < 0 ? '' : trimmed.slice(hash + 1).trim());
  }
  return gaps;
}
