import { describe, expect, it } from 'vitest';
import type { YamlMap, YamlValue } from '@kustomate/resource';
import { findElement, setElement } from '../../src/patch/smp-elements.js';
import { compareGoStrings, resolvePlainScalar, scalarText } from '../../src/patch/smp-node.js';

describe('kyaml element helpers', () => {
  it('ElementSetter replaces matches, drops null and {} elements, appends when nothing matched', () => {
    const list: YamlValue[] = [{ name: 'a', v: 1 }, null, {}, { name: 'b' }];
    setElement(list, { element: { name: 'a', v: 2 }, keys: ['name'], values: ['a'] });
    expect(list).toEqual([{ name: 'a', v: 2 }, { name: 'b' }]);
    setElement(list, { element: { name: 'c' }, keys: ['name'], values: ['c'] });
    expect(list).toEqual([{ name: 'a', v: 2 }, { name: 'b' }, { name: 'c' }]);
  });

  it('ElementSetter with an empty value matches every element having the key (wildcard)', () => {
    const list: YamlValue[] = [{ name: 'a' }, { image: 'x' }, { name: 'b' }];
    setElement(list, { keys: ['name'], values: [''] });
    expect(list).toEqual([{ image: 'x' }]);
  });

  it('ElementList matches scalar texts, so 80 and "80" are the same key', () => {
    const list: YamlValue[] = [{ port: '80', name: 'a' }, { port: 443 }];
    expect(findElement(list, ['port'], ['80'])).toEqual({ port: '80', name: 'a' });
    expect(findElement(['x', 1, null], [''], ['1'])).toBe(1);
    expect(scalarText(12345678901234567890n)).toBe('12345678901234567890');
  });
});

describe('scalar helpers', () => {
  it('orders field names like Go sort.Strings (code points)', () => {
    expect(['b', 'B', '$patch', 'a', '\u{1F600}', '\uFF01'].sort(compareGoStrings)).toEqual([
      '$patch',
      'B',
      'a',
      'b',
      '\uFF01',
      '\u{1F600}',
    ]);
  });

  it('resolves untagged merge-key text like a plain YAML scalar', () => {
    expect(resolvePlainScalar('80')).toBe(80);
    expect(resolvePlainScalar('TCP')).toBe('TCP');
    expect(resolvePlainScalar('1.5')).toBe(1.5);
    expect(resolvePlainScalar('true')).toBe(true);
    expect(resolvePlainScalar('12345678901234567890')).toBe(12345678901234567890n);
  });
});

describe('keys named __proto__', () => {
  it('stay data in strategic merges and JSON patches', async () => {
    const { applyStrategicMerge, applyJson6902 } = await import('../../src/patch/index.js');
    const { builtinSchema } = await import('../../src/schema/schema-info.js');
    const patch = JSON.parse(
      '{"kind":"ConfigMap","apiVersion":"v1","data":{"__proto__":{"x":"1"}}}',
    ) as YamlMap;
    const out = applyStrategicMerge({ apiVersion: 'v1', kind: 'ConfigMap', data: {} }, patch, {
      schema: builtinSchema,
    });
    const data = out?.data as YamlMap;
    expect(Object.keys(data)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    const patched = applyJson6902({ data: {} }, [
      { op: 'add', path: '/data/__proto__', value: 'v' },
    ]);
    expect(Object.keys(patched.data as YamlMap)).toEqual(['__proto__']);
  });
});
