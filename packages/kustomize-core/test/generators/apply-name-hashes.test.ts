import { describe, expect, it } from 'vitest';
import { applyNameHashes, generateConfigMap } from '../../src/generators/index.js';
import { KResource } from '../../src/resource/k-resource.js';
import { ResMap } from '../../src/resource/res-map.js';
import { builtinSchema } from '../../src/schema/schema-info.js';
import { createMemoryLoader } from './memory-loader.js';

describe('applyNameHashes', () => {
  it('appends the hash to flagged resources once, recording the previous id', () => {
    const loader = createMemoryLoader({});
    const resmap = new ResMap(builtinSchema);
    const cm = generateConfigMap({ name: 'cm', literals: ['k1=v1'] }, loader);
    cm.name = 'p-cm'; // a prefix applied after generation does not change the hash
    const fixed = generateConfigMap(
      { name: 'fixed', literals: ['k1=v1'], options: { disableNameSuffixHash: true } },
      loader,
    );
    const plain = new KResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    resmap.appendAll([cm, fixed, plain]);
    applyNameHashes(resmap);
    expect(resmap.resources.map((r) => r.name)).toEqual(['p-cm-8f7tbf6t6m', 'fixed', 'x']);
    expect(cm.previousNames).toEqual([{ kind: 'ConfigMap', name: 'p-cm', namespace: 'default' }]);
    expect(cm.needsHashSuffix).toBe(false);
    expect(fixed.previousNames).toEqual([]);
    applyNameHashes(resmap);
    expect(cm.name).toBe('p-cm-8f7tbf6t6m');
  });

  it('hashes the data as it is when the transformer runs', () => {
    const resmap = new ResMap(builtinSchema);
    const cm = generateConfigMap({ name: 'cm', literals: ['k1=changed'] }, createMemoryLoader({}));
    cm.object.data = { k1: 'v1' };
    resmap.append(cm);
    applyNameHashes(resmap);
    expect(cm.name).toBe('cm-8f7tbf6t6m');
  });
});
