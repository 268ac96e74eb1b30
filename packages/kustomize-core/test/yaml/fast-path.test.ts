/**
 * The fast block parser must give exactly what the general parser gives whenever it does not
 * bail out. Checked on every YAML file of the conformance corpus (inputs and outputs) and on
 * targeted snippets.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { YamlValue } from '@kustomate/resource';
import { Composer } from '../../src/yaml/composer.js';
import { parseFastDocument } from '../../src/yaml/fast-parse.js';
import { parseFirstDocument } from '../../src/yaml/parse-documents.js';
import { splitYamlDocuments } from '../../src/yaml/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(resolve(here, '../../../..'), '../shared/conformance/kustomize/cases');

function general(text: string): YamlValue | 'error' {
  try {
    const ref = { text, baseOffset: 0, baseLine: 0 };
    const doc = parseFirstDocument(ref);
    return doc === undefined || doc.contents === null
      ? null
      : new Composer('v3', ref).value(doc.contents, true);
  } catch {
    return 'error';
  }
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name) && !e.name.startsWith('kustomization')) out.push(p);
  }
  return out;
}

describe('fast path agrees with the general parser', () => {
  it('on the conformance corpus', () => {
    const files = existsSync(casesDir) ? yamlFiles(casesDir) : [];
    expect(files.length).toBeGreaterThan(300);
    let fast = 0;
    for (const f of files) {
      let chunks;
      try {
        chunks = splitYamlDocuments(readFileSync(f, 'utf8'));
      } catch {
        continue;
      }
      for (const c of chunks) {
        const v = parseFastDocument(c.text);
        if (v === undefined) continue;
        fast++;
        expect(v, `${f}\n${c.text}`).toEqual(general(c.text));
      }
    }
    expect(fast).toBeGreaterThan(1000);
  });

  const snippets: Record<string, string> = {
    'indentless and compact sequences': 'a:\n- 1\n- - x\n  - y\n- k: v\n  l:\n  - m\nb: 2\n',
    'nested maps and comments':
      '# head\na: # c\n  b: 1 # c\n  # between\n  c:\n    d: "q" # c\n\ne: \'s\'\n',
    'block scalars':
      'a: |\n  x\n\n   y\n\nb: >-\n  one\n  two\n\n  three\n   more\nc: |2+\n    z\n\nd: |-\n  t\ne: >\n  \n  a\n',
    'flow collections':
      'a: [1, "two", \'three\', {x: y, z: [1, 2]}, []]\nb: {k: v, n: ~}\nc: [2001-12-14, a b]\n',
    scalars:
      'a: 0x1F\nb: "yes"\nc: 2001-12-14\nd: ~\ne:\nf: -1\ng: "\\u00e9\\t\\x41"\nh: \'it\'\'s\'\ni: a:b\nj: -x\n',
    'document start marker': '--- # c\na: 1\n',
    'top-level keys': '1: x\ntrue: y\n"q": z\n',
  };
  for (const [name, text] of Object.entries(snippets)) {
    it(name, () => {
      const v = parseFastDocument(text);
      expect(v, 'fast path should handle this').not.toBeUndefined();
      expect(v).toEqual(general(text));
    });
  }

  const bails: Record<string, string> = {
    anchors: 'a: &x 1\nb: *x\n',
    tags: 'a: !!str 1\n',
    'merge keys': 'a:\n  <<: {b: 1}\n',
    'duplicate keys': 'a: 1\na: 2\n',
    'multi-line plain': 'a: b\n  c\n',
    'multi-line quoted': 'a: "b\n  c"\n',
    'nested non-string key': 'a:\n  1: x\n',
    tabs: 'a:\tb\n',
    'explicit keys': '? a\n: b\n',
  };
  for (const [name, text] of Object.entries(bails)) {
    it(`leaves ${name} to the general parser`, () =>
      expect(parseFastDocument(text)).toBeUndefined());
  }
});
