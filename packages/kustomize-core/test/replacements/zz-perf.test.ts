import { it } from 'vitest';
import { KResource } from '../../src/resource/k-resource.js';
import { ResMap } from '../../src/resource/res-map.js';
import { builtinSchema } from '../../src/schema/schema-info.js';
import { applyReplacements } from '../../src/transformers/replacements/index.js';
it('perf', () => {
  const rm = new ResMap(builtinSchema);
  const list: KResource[] = [];
  for (let i = 0; i < 4000; i++) list.push(new KResource({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `d${i}`, labels: { app: 'x' } }, spec: { template: { spec: { containers: [{ name: 'c', image: 'x', args: ['$(V1)', 'a$(V2)b'] }] } } } }));
  list.push(new KResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: 'x', b: 'y' } }));
  rm.setAll(list);
  for (let rep = 0; rep < 3; rep++) for (const [label, sel, fp] of [['plain', { kind: 'Deployment' }, 'spec.template.spec.containers.0.image'], ['matcher', { kind: 'Deployment' }, 'spec.template.spec.containers.[name=c].image'], ['labelsel', { kind: 'Deployment', labelSelector: 'app' }, 'spec.template.spec.containers.0.image']] as const) {
    const t = performance.now();
    applyReplacements(rm, Array.from({ length: 20 }, () => ({ source: { kind: 'ConfigMap', name: 'cm', fieldPath: 'data.a' }, targets: [{ select: sel, fieldPaths: [fp] }] })));
    console.log(label, '20 x 4000:', (performance.now() - t).toFixed(0), 'ms');
  }
});
