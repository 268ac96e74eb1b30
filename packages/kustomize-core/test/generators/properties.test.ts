import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64Lines, computeNameHash, parseEnvFile } from '../../src/generators/index.js';
import { compareUtf8, goJsonString } from '../../src/generators/go-json.js';

describe('generator properties', () => {
  it('base64 lines decode back to the input and are at most 70 chars each', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        const text = encodeBase64Lines(data);
        expect(Buffer.from(text.replace(/\n/g, ''), 'base64')).toEqual(Buffer.from(data));
        const lines = text.split('\n');
        if (text.length >= 70) expect(lines.pop()).toBe('');
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(70);
      }),
    );
  });

  it('Go JSON strings parse back to the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(JSON.parse(goJsonString(s))).toBe(s);
        expect(goJsonString(s)).not.toMatch(/[<>&\u2028\u2029]/);
      }),
    );
  });

  it('compareUtf8 agrees with comparing UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const bytes = Buffer.compare(Buffer.from(a), Buffer.from(b));
        expect(Math.sign(compareUtf8(a, b))).toBe(bytes);
      }),
    );
  });

  it('the hash ignores name, namespace, labels and annotations', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.string()),
        fc.string(),
        fc.dictionary(fc.string(), fc.string()),
        (data, name, labels) => {
          const a = computeNameHash({ kind: 'ConfigMap', metadata: { name }, data });
          const b = computeNameHash({ kind: 'ConfigMap', metadata: { name: 'x', labels }, data });
          expect(a).toBe(b);
          expect(a).toMatch(/^[2456789bcdfghkmt]{10}$/);
        },
      ),
    );
  });

  it('env files of KEY=value lines round-trip', () => {
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]*$/);
    const value = fc.stringMatching(/^[^\n\r]*$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value)), (pairs) => {
        const text = pairs.map(([k, v]) => `${k}=${v}\n`).join('');
        expect(parseEnvFile(new TextEncoder().encode(text))).toEqual(
          pairs.map(([k, v]) => ({ key: k, value: v })),
        );
      }),
    );
  });
});
