/** An exact rational number `num / den` (den > 0). */
interface Rational {
  num: bigint;
  den: bigint;
}

const BINARY_SUFFIXES: Readonly<Record<string, bigint>> = {
  Ki: 1024n,
  Mi: 1024n ** 2n,
  Gi: 1024n ** 3n,
  Ti: 1024n ** 4n,
  Pi: 1024n ** 5n,
  Ei: 1024n ** 6n,
};

const DECIMAL_EXPONENTS: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

const QUANTITY =
  /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

function scale(r: Rational, exp: number): Rational {
  return exp >= 0
    ? { num: r.num * 10n ** BigInt(exp), den: r.den }
    : { num: r.num, den: r.den * 10n ** BigInt(-exp) };
}

/**
 * Parses a Kubernetes resource quantity (`500m`, `2`, `1.5Gi`, `1e3`) into an exact
 * rational, or `undefined` when the text is not a quantity.
 */
export function parseQuantity(text: string | number | bigint): Rational | undefined {
  const s = typeof text === 'string' ? text.trim() : String(text);
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const [, sign = '', digits = '', exponent, suffix = ''] = m;
  const [whole = '', frac = ''] = digits.split('.');
  let r: Rational = { num: BigInt((whole || '0') + frac), den: 10n ** BigInt(frac.length) };
  if (sign === '-') r = { num: -r.num, den: r.den };
  if (exponent !== undefined) return scale(r, Number(exponent.slice(1)));
  const binary = BINARY_SUFFIXES[suffix];
  if (binary !== undefined) return { num: r.num * binary, den: r.den };
  return scale(r, DECIMAL_EXPONENTS[suffix] ?? 0);
}

/**
 * True when two quantities denote the same amount, whatever their spelling: the API server
 * canonicalises `2000m` to `2` and `1024Mi` to `1Gi`, which is not drift.
 *
 * @example
 * ```ts
 * quantitiesEqual('2000m', '2'); // true
 * quantitiesEqual('1024Mi', '1Gi'); // true
 * ```
 */
export function quantitiesEqual(a: string | number | bigint, b: string | number | bigint): boolean {
  const x = parseQuantity(a);
  const y = parseQuantity(b);
  return x !== undefined && y !== undefined && x.num * y.den === y.num * x.den;
}
