/** One entry of a {@link writeTar} archive. */
export interface TarEntry {
  /** `/`-separated path relative to the archive root, without a leading or trailing slash. */
  path: string;
  type: 'file' | 'dir';
  /** Permission bits (e.g. `0o600`). */
  mode: number;
  content?: Uint8Array;
}

const BLOCK = 512;
const encoder = new TextEncoder();

/**
 * Writes a POSIX ustar archive of `entries` in the given order, with normalised headers (uid,
 * gid and mtime 0, no user or group names), so equal input gives equal bytes. Paths too long
 * for ustar get a PAX `path` record.
 *
 * @example
 * ```ts
 * const tar = writeTar([{ path: 'a.txt', type: 'file', mode: 0o600, content: new Uint8Array([104]) }]);
 * tar.length; // 2048: header, data block, two end blocks
 * ```
 */
export function writeTar(entries: readonly TarEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    const name = entry.type === 'dir' ? `${entry.path}/` : entry.path;
    const content = entry.type === 'file' ? (entry.content ?? new Uint8Array()) : new Uint8Array();
    const nameBytes = encoder.encode(name);
    if (nameBytes.length > 100) {
      const record = paxRecord('path', name);
      blocks.push(header('PaxHeader', 'x', 0o644, record.length), ...pad(record));
    }
    const shortName = nameBytes.length > 100 ? name.slice(-100) : name;
    blocks.push(header(shortName, entry.type === 'dir' ? '5' : '0', entry.mode, content.length));
    blocks.push(...pad(content));
  }
  blocks.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of blocks) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}

function paxRecord(key: string, value: string): Uint8Array {
  const body = ` ${key}=${value}\n`;
  const bodyLength = encoder.encode(body).length;
  let length = bodyLength + 1;
  while (String(length).length + bodyLength !== length) length = String(length).length + bodyLength;
  return encoder.encode(`${length}${body}`);
}

function pad(data: Uint8Array): Uint8Array[] {
  if (data.length === 0) return [];
  const padded = new Uint8Array(Math.ceil(data.length / BLOCK) * BLOCK);
  padded.set(data);
  return [padded];
}

function header(name: string, type: string, mode: number, size: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const put = (text: string, at: number, length: number) => {
    h.set(encoder.encode(text).subarray(0, length), at);
  };
  const octal = (value: number, at: number, length: number) => {
    put(value.toString(8).padStart(length - 1, '0'), at, length - 1);
  };
  put(name, 0, 100);
  octal(mode, 100, 8);
  octal(0, 108, 8);
  octal(0, 116, 8);
  octal(size, 124, 12);
  octal(0, 136, 12);
  put(' '.repeat(8), 148, 8);
  put(type, 156, 1);
  put('ustar\u000000', 257, 8);
  let sum = 0;
  for (const byte of h) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8);
  return h;
}
