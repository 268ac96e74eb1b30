/**
 * Where an error comes from: any subset of a file, a document within it, a line/column,
 * an object reference and a field path.
 */
export interface ErrorLocation {
  /** File path, relative to the build root where possible. */
  file?: string;
  /** Zero-based index of the YAML document within `file`. */
  document?: number;
  /** One-based line and column in `file`. */
  line?: number;
  column?: number;
  /** The object at fault, e.g. `apps/v1 Deployment default/web`. */
  object?: string;
  /** The field at fault, e.g. `spec.template.spec.containers[0].image`. */
  field?: string;
}

/** Options shared by every Kustomate error. */
export interface KustomateErrorOptions<D> {
  location?: ErrorLocation;
  data?: D;
  cause?: unknown;
}

/**
 * The base class of every error Kustomate throws. Callers branch on {@link code}, a stable
 * string from a closed union per package, never on the message.
 *
 * @example
 * ```ts
 * try { await build({ fs, path: '/app' }); }
 * catch (e) { if (e instanceof KustomateError && e.code === 'KustomizationNotFound') … }
 * ```
 */
export class KustomateError<C extends string = string, D = unknown> extends Error {
  /** Stable machine-readable error code. */
  readonly code: C;
  /** Where the error comes from. */
  readonly location: ErrorLocation;
  /** Structured details, specific to the code. */
  readonly data: D | undefined;

  constructor(code: C, message: string, options: KustomateErrorOptions<D> = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.location = options.location ?? {};
    this.data = options.data;
  }

  /** A JSON-safe view of the error (code, message, location, data, cause's message). */
  toJSON(): Record<string, unknown> {
    const cause = this.cause instanceof Error ? this.cause.message : this.cause;
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      location: this.location,
      ...(this.data === undefined ? {} : { data: this.data }),
      ...(cause === undefined ? {} : { cause }),
    };
  }
}
