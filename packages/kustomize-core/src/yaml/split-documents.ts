/**
 * How kyaml's `ByteReader` cuts a resource file into documents before parsing each one:
 * `\r\n` becomes `\n`, then the text is split at every `\n---…\n` line (comments may follow
 * the `---`, anything else is an error).
 *
 * @module
 */
import { KustomizeError } from '../errors.js';

/** One document's text and where it starts in the (CRLF-normalised) file text. */
export interface DocumentChunk {
  /** The document text, with the `\n` the split removed restored (except for the last). */
  readonly text: string;
  /** Offset of `text` within the normalised file text. */
  readonly offset: number;
  /** Number of lines before `text` in the file. */
  readonly line: number;
}

const SEPARATOR = /\n---[^\n]*\n/g;

function countLines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Splits a resource file into document chunks exactly like kyaml's `splitDocuments`
 * (including its quirks: a `---` on the first line is left to the YAML parser, and two
 * separators in a row leave the second inside the next chunk).
 *
 * @throws KustomizeError `InvalidYaml` for a separator line with other text after `---`.
 */
export function splitYamlDocuments(input: string, file?: string): DocumentChunk[] {
  const s = input.includes('\r\n') ? input.replaceAll('\r\n', '\n') : input;
  if (s.length === 0) return [];
  const chunks: DocumentChunk[] = [];
  let prev = 0;
  let line = 0;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(s); m !== null; m = SEPARATOR.exec(s)) {
    const after = m[0].slice(4).trim();
    if (after.length > 0 && !after.startsWith('#')) {
      throw new KustomizeError('InvalidYaml', `invalid document separator: ${m[0].trim()}`, {
        location: {
          ...(file === undefined ? {} : { file }),
          line: line + countLines(s, prev, m.index) + 2,
        },
      });
    }
    chunks.push({ text: `${s.slice(prev, m.index)}\n`, offset: prev, line });
    line += countLines(s, prev, m.index + m[0].length);
    prev = m.index + m[0].length;
  }
  chunks.push({ text: s.slice(prev), offset: prev, line });
  return chunks;
}
