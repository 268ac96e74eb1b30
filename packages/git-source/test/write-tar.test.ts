import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTar } from '../src/index.js';

describe('writeTar', () => {
  it('writes long paths as PAX records that tar reads back', () => {
    const long = `${'d'.repeat(80)}/${'f'.repeat(90)}.yaml`;
    const tar = writeTar([
      { path: 'd'.repeat(80), type: 'dir', mode: 0o750 },
      { path: long, type: 'file', mode: 0o600, content: new TextEncoder().encode('x\n') },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'kustomate-tar-'));
    try {
      writeFileSync(join(dir, 'a.tar'), tar);
      const names = execFileSync('tar', ['-tf', join(dir, 'a.tar')], { encoding: 'utf8' });
      expect(names.split('\n').filter(Boolean)).toEqual([`${'d'.repeat(80)}/`, long]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
