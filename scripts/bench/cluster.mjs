#!/usr/bin/env node
// Benchmark of the in-memory cluster (issue 4): apply N mixed objects, re-apply them unchanged,
// then list by label. Prints seconds per phase and per object, for several N, to show that the
// unchanged re-apply is cheaper than the first apply and that cost grows linearly.
//   node scripts/bench/cluster.mjs [--sizes 1000,10000]
import { createMemoryCluster } from '../../packages/cluster/dist/index.js';

const args = process.argv.slice(2);
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '1000,5000,10000';
const sizes = sizesArg.split(',').map(Number);

function objectsFor(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const ns = `team-${i % 10}`;
    const labels = { app: `app-${i % 50}`, tier: i % 3 === 0 ? 'web' : 'backend' };
    switch (i % 4) {
      case 0:
        out.push({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: `cm-${i}`, namespace: ns, labels },
          data: { key: `value-${i}`, other: 'x'.repeat(40) },
        });
        break;
      case 1:
        out.push({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: `svc-${i}`, namespace: ns, labels },
          spec: {
            selector: { app: labels.app },
            ports: [{ name: 'http', port: 80, targetPort: 8080 }],
          },
        });
        break;
      case 2:
        out.push({
          apiVersion: 'v1',
          kind: 'ServiceAccount',
          metadata: { name: `sa-${i}`, namespace: ns, labels },
        });
        break;
      default:
        out.push({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: `web-${i}`, namespace: ns, labels },
          spec: {
            replicas: 2,
            selector: { matchLabels: { app: labels.app, i: String(i) } },
            template: {
              metadata: { labels: { app: labels.app, i: String(i) } },
              spec: {
                containers: [
                  {
                    name: 'web',
                    image: `nginx:1.${i % 20}`,
                    ports: [{ containerPort: 8080 }],
                    env: [{ name: 'I', value: String(i) }],
                  },
                ],
              },
            },
          },
        });
    }
  }
  return out;
}

async function time(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

console.log('N\tapply s\tre-apply s\tlist s\tapply µs/obj\tre-apply µs/obj\tre-apply/apply');
for (const n of sizes) {
  const cluster = createMemoryCluster({ simulator: false });
  for (let t = 0; t < 10; t++)
    await cluster.apply(
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `team-${t}` } },
      { fieldManager: 'bench' },
    );
  const objects = objectsFor(n);
  const apply = await time(async () => {
    for (const o of objects) await cluster.apply(o, { fieldManager: 'kustomize-controller' });
  });
  const reapply = await time(async () => {
    for (const o of objects) await cluster.apply(o, { fieldManager: 'kustomize-controller' });
  });
  let listed = 0;
  const list = await time(async () => {
    for (const kind of [
      ['v1', 'ConfigMap'],
      ['v1', 'Service'],
      ['v1', 'ServiceAccount'],
      ['apps/v1', 'Deployment'],
    ]) {
      listed += (
        await cluster.list({ apiVersion: kind[0], kind: kind[1], labelSelector: 'tier=web' })
      ).length;
    }
  });
  console.log(
    `${n}\t${apply.toFixed(2)}\t${reapply.toFixed(2)}\t${list.toFixed(3)}\t${((apply / n) * 1e6).toFixed(0)}\t${((reapply / n) * 1e6).toFixed(0)}\t${(reapply / apply).toFixed(2)}\t(listed ${listed})`,
  );
}
