import { describe, expect, it } from 'vitest';
import {
  cleanPath,
  convertSliceIndex,
  pathSplitter,
  smarterPathSplitter,
  splitIndexNameValue,
} from '../../src/transformers/replacements/field-path.js';
import { lookupPath } from '../../src/transformers/replacements/lookup-path.js';

describe('field paths (kyaml PathSplitter / SmarterPathSplitter)', () => {
  it.each([
    ['a.b.c', ['a', 'b', 'c']],
    ['a\\.b.c', ['a.b', 'c']],
    ['metadata.annotations.[a.b/c]', ['metadata', 'annotations', 'a.b/c']],
    [
      'spec.containers.[name=com.foo.app].image',
      ['spec', 'containers', '[name=com.foo.app]', 'image'],
    ],
    ['spec.containers.[name=x].image', ['spec', 'containers', '[name=x]', 'image']],
    ['metadata.[name]', ['metadata', '[name]']],
    ['spec.list.[name=x', ['spec', 'list', '[name=x']],
    ['a..b', ['a', '', 'b']],
    ['', ['']],
  ])('smarterPathSplitter(%j)', (path, parts) => {
    expect(smarterPathSplitter(path, '.')).toEqual(parts);
  });

  it('pathSplitter keeps escaped delimiters', () => {
    expect(pathSplitter('metadata/annotations/a\\/b', '/')).toEqual([
      'metadata',
      'annotations',
      'a/b',
    ]);
  });

  it('convertSliceIndex splits name[N]', () => {
    expect(convertSliceIndex(['spec', 'ports[0]', 'port', 'x[-1]'])).toEqual([
      'spec',
      'ports',
      '0',
      'port',
      'x[-1]',
    ]);
  });

  it('cleanPath trims and drops empty parts', () => {
    expect(cleanPath([' a ', '', 'b'])).toEqual(['a', 'b']);
  });

  it('splitIndexNameValue', () => {
    expect(splitIndexNameValue('[name=a=b]')).toEqual(['name', 'a=b']);
    expect(splitIndexNameValue('[=x]')).toEqual(['', 'x']);
    expect(() => splitIndexNameValue('[name]')).toThrow(
      'list path element must contain fieldName=fieldValue for element to match',
    );
  });
});

describe('lookupPath (kyaml Lookup)', () => {
  const obj = {
    data: { k: 'v', 'a.b': 'ab', nul: null },
    list: [
      { name: 'x', v: 'vx' },
      { name: 'y', v: 'vy' },
    ],
    prim: ['p0', 'p1'],
    ix: { '0': 'zero' },
  };
  it.each([
    [['data', 'k'], 'v'],
    [[' data ', '', 'k'], 'v'],
    [['data', 'a.b'], 'ab'],
    [['list', '[name=y]', 'v'], 'vy'],
    [['list', '1', 'v'], 'vy'],
    [['prim', '-'], 'p1'],
    [['prim', '[=p1]'], 'p1'],
    [['prim', '5'], undefined],
    [['list', '[name=z]', 'v'], undefined],
    [['data', 'nul'], null],
    [['data', 'nul', 'x'], undefined],
  ])('%j', (path, want) => {
    expect(lookupPath(obj, path)).toEqual(want);
  });

  it('errors like kyaml', () => {
    expect(() => lookupPath(obj, ['prim', '-1'])).toThrow('array index -1 cannot be negative');
    expect(() => lookupPath(obj, ['ix', '0'])).toThrow(
      'wrong node kind: expected SequenceNode but got MappingNode: node contents:\n"0": zero\n',
    );
    expect(() => lookupPath(obj, ['data', 'k', 'x'])).toThrow(
      'wrong node kind: expected MappingNode but got ScalarNode: node contents:\nv\n',
    );
  });
});
