import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeTar, type TarEntry } from '../tar/write-tar.js';

/** An artifact written by {@link writeArtifact}. */
export interface WrittenArtifact {
  /** `sha256:<hex>` of the .tar.gz. */
  digest: string;
  /** Path of the .tar.gz. */
  archive: string;
  /** Directory holding the extracted entries. */
  dir: string;
}

/**
 * Writes `entries` as a deterministic tar.gz (fixed gzip level, no name or time in the gzip
 * header) under `artifactsDir`, named by its digest, and extracts them beside it. An artifact
 * already there is reused; a new one appears atomically (written under a temporary name, then
 * renamed).
 */
export function writeArtifact(artifactsDir: string, entries: readonly TarEntry[]): WrittenArtifact {
  const gz = gzipSync(writeTar(entries), { level: 9 });
  const hex = createHash('sha256').update(gz).digest('hex');
  const archive = join(artifactsDir, `${hex}.tar.gz`);
  const dir = join(artifactsDir, hex);
  fs.mkdirSync(artifactsDir, { recursive: true });
  const suffix = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  if (!fs.existsSync(dir)) {
    const tmp = `${dir}${suffix}`;
    try {
      for (const entry of entries) {
        const target = join(tmp, entry.path);
        if (entry.type === 'dir') {
          fs.mkdirSync(target, { recursive: true, mode: entry.mode });
        } else {
          fs.mkdirSync(dirname(target), { recursive: true });
          fs.writeFileSync(target, entry.content ?? new Uint8Array(), { mode: entry.mode });
        }
      }
      fs.mkdirSync(tmp, { recursive: true });
      publish(tmp, dir);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (!fs.existsSync(archive)) {
    fs.writeFileSync(`${archive}${suffix}`, gz);
    publish(`${archive}${suffix}`, archive);
  }
  return { digest: `sha256:${hex}`, archive, dir };
}

function publish(tmp: string, final: string): void {
  try {
    fs.renameSync(tmp, final);
  } catch (e) {
    if (!fs.existsSync(final)) throw e;
  }
}
