#!/usr/bin/env node
// Bundles the kustomate CLI into one ESM file (packages/cli/dist/kustomate.mjs). Loading one
// file instead of a few hundred modules cuts the CLI's start-up time several-fold, which is
// what a `kubectl kustomize` user notices on small builds.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  entryPoints: [`${root}packages/cli/dist/cli.js`],
  outfile: `${root}packages/cli/dist/kustomate.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'linked',
  // CommonJS dependencies bundled into ESM need a require().
  banner: {
    js: "import { createRequire as __kustomateCreateRequire } from 'node:module'; const require = __kustomateCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
