#!/usr/bin/env node
// Checks the package dependency direction written in docs/architecture.md: every
// @kustomate/* import (in package.json dependencies and in src/ imports) must be allowed by
// the table below, and pure packages must not import node:* built-ins.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** package → the @kustomate packages it may import. Keep in sync with docs/architecture.md. */
export const ALLOWED = {
  resource: [],
  vfs: ['resource'],
  'kustomize-core': ['resource', 'vfs'],
  'dependency-graph': ['resource'],
  'drift-diff': ['resource'],
  'prune-planner': ['resource'],
  'health-checks': ['resource'],
  cluster: ['resource'],
  'cluster-kube': ['resource', 'cluster'],
  'git-source': ['resource', 'vfs', 'kustomize-core'],
  reconciler: [
    'resource',
    'vfs',
    'kustomize-core',
    'dependency-graph',
    'drift-diff',
    'prune-planner',
    'health-checks',
    'cluster',
  ],
  cli: [
    'resource',
    'vfs',
    'kustomize-core',
    'dependency-graph',
    'drift-diff',
    'prune-planner',
    'health-checks',
    'cluster',
    'cluster-kube',
    'git-source',
    'reconciler',
  ],
  testing: [
    'resource',
    'vfs',
    'kustomize-core',
    'dependency-graph',
    'drift-diff',
    'prune-planner',
    'health-checks',
    'cluster',
    'git-source',
    'reconciler',
  ],
};
/** Packages whose src/ must not import node:* (their Node adapters live on a ./node subpath file). */
export const PURE = {
  'kustomize-core': [],
  resource: [],
  vfs: ['src/node.ts'],
  'dependency-graph': [],
  'drift-diff': [],
  'prune-planner': [],
  'health-checks': [],
  cluster: ['src/node.ts'],
};

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const root = new URL('..', import.meta.url).pathname;
const problems = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', pkg);
  if (!existsSync(join(dir, 'package.json'))) continue;
  const allowed = ALLOWED[pkg];
  if (!allowed) {
    problems.push(
      `${pkg}: not in the dependency table (scripts/check-deps.mjs, docs/architecture.md)`,
    );
    continue;
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    if (dep.startsWith('@kustomate/') && !allowed.includes(dep.slice(11)))
      problems.push(`${pkg}: package.json depends on ${dep}`);
  }
  if (!existsSync(join(dir, 'src'))) continue;
  for (const file of walk(join(dir, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const rel = file.slice(dir.length + 1);
    for (const m of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      if (spec.startsWith('@kustomate/')) {
        const target = spec.slice(11).split('/')[0];
        if (target !== pkg && !allowed.includes(target))
          problems.push(`${pkg}/${rel}: imports ${spec}`);
      }
      if (
        pkg in PURE &&
        (spec.startsWith('node:') || spec === 'fs' || spec === 'path') &&
        !PURE[pkg].includes(rel)
      ) {
        problems.push(`${pkg}/${rel}: pure package imports ${spec}`);
      }
    }
  }
}
if (problems.length > 0) {
  console.error(`dependency direction violations:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('dependency direction: ok');
