/**
 * parseYaml11: sigs.k8s.io/yaml.YAMLToJSON (yaml.v2) semantics, as kustomize applies them to
 * kustomization files and JSON 6902 patches. Checked with kubectl kustomize through a
 * patchesJson6902 value (the patch file is read this way).
 */
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { parseYaml11 } from '../../src/yaml/index.js';

describe('parseYaml11', () => {
  it('resolves YAML 1.1 scalars', () => {
    expect(
      parseYaml11(
        'b1: yes\nb2: Off\nb3: y\nb4: N\nb5: TRUE\nn1: ~\nn2:\ni1: 0x1F\ni2: 017\ni3: 0o17\ni4: 1_000\ni5: +1\ni6: 0b101\n' +
          'f1: 1.5\nf2: 1e3\nf3: .5\nf4: 1e400\nt1: 2001-12-14\ns1: 12:30\ns2: 09\ns3: "yes"\nbin: !!binary aGVsbG8=\n',
      ),
    ).toEqual({
      b1: true,
      b2: false,
      b3: true,
      b4: false,
      b5: true,
      n1: null,
      n2: null,
      i1: 31,
      i2: 15,
      i3: 15,
      i4: 1000,
      i5: 1,
      i6: 5,
      f1: 1.5,
      f2: 1000,
      f3: 0.5,
      f4: '1e400',
      t1: '2001-12-14',
      s1: '12:30',
      s2: 9,
      s3: 'yes',
      bin: 'hello',
    });
  });
  it('keeps big integers exact', () => {
    expect(parseYaml11('a: 12345678901234567890\nb: 9007199254740993\n')).toEqual({
      a: 12345678901234567890n,
      b: 9007199254740993n,
    });
  });
  it('stringifies keys like YAMLToJSON', () => {
    expect(
      parseYaml11(
        '{1: a, 1.5: b, y: c, true: d, 0x10: e, 2001-12-14: f, 0.1: g, 3.14159265358979: h}',
      ),
    ).toEqual({
      '1': 'a',
      '1.5': 'b',
      true: 'd',
      '16': 'e',
      '2001-12-14': 'f',
      '0.1': 'g',
      '3.1415927': 'h',
    });
  });
  it('merges in order and lets the last duplicate win', () => {
    expect(
      parseYaml11(
        'm:\n  <<: [{p: 1}, {p: 2, q: 2}]\n  a: 1\nm2:\n  a: 1\n  <<: {a: 2}\ndup: 1\ndup: 2\n',
      ),
    ).toEqual({
      m: { p: 1, q: 2, a: 1 },
      m2: { a: 2 },
      dup: 2,
    });
  });
  it('gives null for an empty document and reads only the first document', () => {
    expect(parseYaml11('# nothing\n')).toBeNull();
    expect(parseYaml11('a: 1\n---\nb: 2\n')).toEqual({ a: 1 });
  });
  it('reports malformed YAML with file and line', () => {
    try {
      parseYaml11('resources:\n- a\n  b: [\n', 'kustomization.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KustomizeError);
      expect((e as KustomizeError).code).toBe('InvalidYaml');
      expect((e as KustomizeError).location.file).toBe('kustomization.yaml');
      expect((e as KustomizeError).message).toMatch(/line \d+/);
    }
    expect(() => parseYaml11('a: {null: 1}\n')).toThrow(/unsupported map key/);
    expect(() => parseYaml11('a: .inf\n')).toThrow(/unsupported value/);
  });
});
