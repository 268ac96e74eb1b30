#!/usr/bin/env node
// Runs the shared kustomize corpus through the built CLI (../shared/conformance/kustomize/check.sh)
// and checks that it agrees with the in-process ratchet: at least as many cases pass.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const ratchet = JSON.parse(
  readFileSync(join(root, 'packages/kustomize-core/test/conformance/ratchet.json'), 'utf8'),
);
const want = ratchet.outputPassed + ratchet.errorPassed;
const run = spawnSync(
  'bash',
  [
    join(root, '../shared/conformance/kustomize/check.sh'),
    '--',
    'node',
    'packages/cli/dist/kustomate.mjs',
    'build',
  ],
  { cwd: root, encoding: 'utf8' },
);
const lines = run.stdout.trim().split('\n');
const summary = lines.at(-1) ?? '';
const m = /^(\d+) passed, (\d+) failed$/.exec(summary);
if (!m) {
  console.error(
    `conformance (CLI): unexpected output from check.sh:\n${run.stdout}\n${run.stderr}`,
  );
  process.exit(1);
}
for (const line of lines) if (line.startsWith('FAIL')) console.log(line);
const passed = Number(m[1]);
console.log(
  `conformance (CLI): ${passed} of ${passed + Number(m[2])} cases pass; the in-process ratchet is ${want}`,
);
if (passed < want) {
  console.error('conformance (CLI): fewer cases pass through the CLI than in process');
  process.exit(1);
}
