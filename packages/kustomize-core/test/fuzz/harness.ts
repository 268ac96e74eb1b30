/**
 * Shared pieces of the fuzz suite: the seed and run count, corpus inputs loaded into memory,
 * and a build that turns every outcome into "built", "refused with a typed error" or a test
 * failure.
 *
 * `FUZZ_RUNS` (env) sets the number of runs per property (default {@link DEFAULT_RUNS}, kept
 * small so the suite stays fast); `FUZZ_SEED` replaces the fixed seed to explore further.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createMemoryFs, VfsError, type MemoryFiles } from '@kustomate/vfs';
import { buildKustomization, KustomizeError } from '../../src/index.js';
import { casePaths, loadCorpus, restrictorOf, type CorpusCase } from '../conformance/corpus.js';

/** Runs per property when `FUZZ_RUNS` is not set. */
export const DEFAULT_RUNS = 25;
/** The fixed seed: a failure is reproducible by running the suite again. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
/** Runs per property. */
export const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? DEFAULT_RUNS) || DEFAULT_RUNS);
/** fast-check parameters of every property. */
export const PARAMS = {
  seed: SEED,
  numRuns: RUNS,
  endOnFailure: process.env.FUZZ_SHRINK === undefined,
} as const;
/** A single build slower than this counts as a hang. */
export const HANG_MS = 5000;

/** Where a corpus case is mounted in the memory file system. */
export const ROOT = '/case';

/** A corpus case loaded into memory. */
export interface LoadedCase {
  name: string;
  /** Path → text (corpus inputs are text). */
  files: Record<string, string>;
  buildDir: string;
  restrictor: 'LoadRestrictionsRootOnly' | 'LoadRestrictionsNone';
}

function readTree(dir: string, base: string, out: Record<string, string>): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) readTree(full, base, out);
    else if (st.isFile() && st.size < 200_000)
      out[`${ROOT}/${relative(base, full)}`] = readFileSync(full, 'utf8');
  }
}

/**
 * Every `stride`-th corpus case that builds without network or plugins, in memory: small,
 * varied, real kustomizations to mutate.
 */
export function corpusInputs(stride = 4): LoadedCase[] {
  const cases: CorpusCase[] = loadCorpus().filter(
    (c) => !c.features.includes('transformers') && !c.features.includes('generators'),
  );
  const out: LoadedCase[] = [];
  for (let i = 0; i < cases.length; i += stride) {
    const c = cases[i] as CorpusCase;
    const { input, buildDir } = casePaths(c);
    if (!existsSync(input)) continue;
    const files: Record<string, string> = {};
    readTree(input, input, files);
    out.push({
      name: c.name,
      files,
      buildDir: `${ROOT}/${relative(input, buildDir)}`.replace(/\/$/, ''),
      restrictor: restrictorOf(c),
    });
  }
  return out;
}

/**
 * Crashes the fuzzer found and that are not fixed yet, tolerated so the suite keeps guarding
 * everything else; each needs a regression test in known-crashes.test.ts. Empty: keep it so.
 */
export const KNOWN_CRASHES: {
  id: string;
  matches: (e: Error, files: MemoryFiles, path: string) => boolean;
}[] = [];

/** Known crashes met so far (by id), for the report. */
export const knownCrashesSeen = new Map<string, number>();

/** What a fuzzed build came to. */
export type Outcome = { ok: true; yaml: string } | { ok: false; error: KustomizeError | VfsError };

/**
 * Builds `files` at `path`. A typed refusal (`KustomizeError`, `VfsError`) is an outcome; any
 * other exception, or a build slower than {@link HANG_MS}, is rethrown as a failure naming the
 * input.
 */
export function fuzzBuild(
  files: MemoryFiles,
  path: string,
  restrictor: LoadedCase['restrictor'] = 'LoadRestrictionsRootOnly',
): Outcome {
  const started = performance.now();
  let outcome: Outcome;
  try {
    const result = buildKustomization({
      fs: createMemoryFs(files),
      path,
      loadRestrictor: restrictor,
    });
    outcome = { ok: true, yaml: result.toYaml() };
  } catch (e) {
    const known =
      e instanceof Error ? KNOWN_CRASHES.find((k) => k.matches(e, files, path)) : undefined;
    if (e instanceof KustomizeError || e instanceof VfsError) outcome = { ok: false, error: e };
    else if (known !== undefined) {
      knownCrashesSeen.set(known.id, (knownCrashesSeen.get(known.id) ?? 0) + 1);
      outcome = { ok: false, error: new KustomizeError('Unsupported', `known crash ${known.id}`) };
    } else {
      const err = e instanceof Error ? e : new Error(String(e));
      throw new Error(
        `untyped ${err.name} from build(): ${err.message}\n${err.stack ?? ''}\ninput: ${JSON.stringify(files).slice(0, 4000)}`,
        { cause: e },
      );
    }
  }
  const elapsed = performance.now() - started;
  if (elapsed > HANG_MS) {
    throw new Error(`build took ${elapsed.toFixed(0)} ms: ${JSON.stringify(files).slice(0, 2000)}`);
  }
  return outcome;
}
