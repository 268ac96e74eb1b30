/**
 * Byte-level helpers with Go semantics: `base64.StdEncoding.DecodeString` (what go-yaml uses
 * for `!!binary`) and turning arbitrary bytes into a string the way Go's `encoding/json`
 * does (each byte of an invalid UTF-8 sequence becomes U+FFFD).
 *
 * @module
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/**
 * Decodes standard, padded base64 like Go's `base64.StdEncoding.DecodeString`: `\r` and `\n`
 * are ignored anywhere, padding is required, nothing may follow it, and non-zero trailing
 * bits are accepted. Returns `undefined` for corrupt input.
 */
export function decodeGoBase64(text: string): Uint8Array | undefined {
  const s = text.replace(/[\r\n]/g, '');
  if (s.length % 4 !== 0) return undefined;
  let pad = 0;
  if (s.endsWith('==')) pad = 2;
  else if (s.endsWith('=')) pad = 1;
  const body = s.length - pad;
  if (pad > 0 && body % 4 < 2) return undefined;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < body; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? (DECODE[c] ?? -1) : -1;
    if (v < 0) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function cont(b: number | undefined): boolean {
  return b !== undefined && (b & 0xc0) === 0x80;
}

/** Length of the valid UTF-8 sequence at `i` per Go's `utf8.DecodeRune`, or 0 when invalid. */
function seqLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  const b1 = bytes[i + 1];
  if (b < 0x80) return 1;
  if (b < 0xc2) return 0;
  if (b < 0xe0) return cont(b1) ? 2 : 0;
  if (b1 === undefined) return 0;
  const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  if (b1 < lo || b1 > hi) return 0;
  if (b < 0xf0) return cont(bytes[i + 2]) ? 3 : 0;
  if (b < 0xf5) return cont(bytes[i + 2]) && cont(bytes[i + 3]) ? 4 : 0;
  return 0;
}

/**
 * The string Go's `encoding/json` would produce from `bytes` taken as a Go string: valid UTF-8
 * decoded, and every byte that does not start a valid sequence replaced by U+FFFD.
 */
export function bytesToGoString(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    // Fall through to the byte-by-byte decoder.
  }
  const dec = new TextDecoder('utf-8', { ignoreBOM: true });
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = seqLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (i > start) parts.push(dec.decode(bytes.subarray(start, i)));
    parts.push('\uFFFD');
    i += 1;
    start = i;
  }
  if (start < bytes.length) parts.push(dec.decode(bytes.subarray(start)));
  return parts.join('');
}
