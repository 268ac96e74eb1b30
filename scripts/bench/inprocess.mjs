#!/usr/bin/env node
// In-process timing of build() + toYaml(), run by run.mjs in a fresh Node process so that its
// peak RSS belongs to this build alone.
//
//   node scripts/bench/inprocess.mjs DIR RUNS OUTFILE
//
// Does one untimed warm-up build, then RUNS timed builds; writes the last build's YAML to
// OUTFILE and prints one JSON line: {"times":[wall s…],"cpuTimes":[user+sys s…],"maxRssKb":…,"warmupS":…,"objects":…}.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { build } from '../../packages/kustomize-core/dist/index.js';
import { createNodeFs } from '../../packages/vfs/dist/node.js';

const [dirArg, runsArg, outFile] = process.argv.slice(2);
if (!dirArg || !runsArg || !outFile) {
  console.error('usage: node scripts/bench/inprocess.mjs DIR RUNS OUTFILE');
  process.exit(2);
}
const dir = resolve(dirArg);
const runs = Number(runsArg);
const fs = createNodeFs();

async function once() {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await build({ fs, path: dir });
  const yaml = result.toYaml();
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpuS = (c.user + c.system) / 1e6;
  return { seconds, cpuS, yaml, objects: result.resources.length };
}

const warm = await once();
const times = [];
const cpuTimes = [];
let last = warm;
for (let i = 0; i < runs; i++) {
  last = await once();
  times.push(last.seconds);
  cpuTimes.push(last.cpuS);
}
writeFileSync(outFile, last.yaml);
// resourceUsage().maxRSS is in kilobytes (getrusage ru_maxrss on Linux).
console.log(
  JSON.stringify({
    times,
    cpuTimes,
    warmupS: warm.seconds,
    objects: last.objects,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
