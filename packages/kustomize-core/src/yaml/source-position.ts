/**
 * Source positions for error messages: where a YAML node sits in the file it came from.
 *
 * @module
 */
import { KustomizeError } from '../errors.js';

/** Where a chunk of YAML text sits in its file, for error locations. */
export interface SourceRef {
  /** The file path, when known. */
  readonly file?: string;
  /** The full text the offsets refer to. */
  readonly text: string;
  /** Offset of `text` within the file (documents are parsed one chunk at a time). */
  readonly baseOffset: number;
  /** Lines before `text` in the file. */
  readonly baseLine: number;
  /** Zero-based document index within the file. */
  readonly document?: number;
}

/** One-based line and column of `offset` within `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * A `KustomizeError` with code `InvalidYaml` for a problem at `offset` of `ref.text`; the
 * message names the file and line like go-yaml's (`yaml: line 3: …`).
 */
export function yamlError(
  ref: SourceRef,
  offset: number | undefined,
  message: string,
  cause?: unknown,
): KustomizeError {
  const pos = offset === undefined ? undefined : lineColumn(ref.text, offset);
  const line = pos ? pos.line + ref.baseLine : undefined;
  const where = ref.file === undefined ? '' : ` in File: ${ref.file}`;
  const text =
    line === undefined ? `yaml: ${message}${where}` : `yaml: line ${line}: ${message}${where}`;
  return new KustomizeError('InvalidYaml', text, {
    location: {
      ...(ref.file === undefined ? {} : { file: ref.file }),
      ...(ref.document === undefined ? {} : { document: ref.document }),
      ...(pos === undefined ? {} : { line, column: pos.column }),
    },
    cause,
  });
}
