/**
 * Field-path syntax of kyaml (`kyaml/utils/pathsplitter.go`, `kyaml/yaml/fns.go`,
 * `match.go`): `.`-separated parts, `\.` escapes, bracketed `[key=value]` list matchers and
 * `[a.b]` map keys, numeric indexes.
 *
 * @module
 */

/** kyaml `PathSplitter`: splits at `delimiter` unless the piece before ends with `\`. */
export function pathSplitter(path: string, delimiter: string): string[] {
  const ps = path.split(delimiter);
  const res: string[] = [ps[0] as string];
  for (let i = 1; i < ps.length; i++) {
    const last = res.length - 1;
    const prev = res[last] as string;
    if (prev.endsWith('\\')) res[last] = prev.slice(0, -1) + delimiter + (ps[i] as string);
    else res.push(ps[i] as string);
  }
  return res;
}

/** Go `strings.Trim(s, "[]")`. */
function trimBrackets(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === '[' || s[a] === ']')) a++;
  while (b > a && (s[b - 1] === '[' || s[b - 1] === ']')) b--;
  return s.slice(a, b);
}

/**
 * kyaml `SmarterPathSplitter`: like {@link pathSplitter}, but a bracketed part spanning
 * delimiters stays whole — with its brackets when it holds `=` (a list matcher such as
 * `[name=com.foo]`), without them otherwise (a map key such as `[a.b/c]`).
 *
 * @example
 * ```ts
 * smarterPathSplitter('metadata.annotations.[a.b/c]', '.') // ['metadata', 'annotations', 'a.b/c']
 * ```
 */
export function smarterPathSplitter(path: string, delimiter: string): string[] {
  const result: string[] = [];
  const split = pathSplitter(path, delimiter);
  for (let i = 0; i < split.length; i++) {
    const elem = split[i] as string;
    if (elem.startsWith('[') && !elem.endsWith(']')) {
      const bracketed = [elem];
      while (i < split.length - 1) {
        i++;
        const part = split[i] as string;
        bracketed.push(part);
        if (part.endsWith(']')) break;
      }
      const joined = bracketed.join(delimiter);
      result.push(joined.includes('=') ? joined : trimBrackets(joined));
    } else {
      result.push(elem);
    }
  }
  return result;
}

const SLICE_INDEX = /^(.*)\[(\d+)\]$/s;

/** kyaml `convertSliceIndex`: `ports[0]` becomes `ports`, `0`. */
export function convertSliceIndex(parts: readonly string[]): string[] {
  const res: string[] = [];
  for (const p of parts) {
    const m = SLICE_INDEX.exec(p);
    if (m) res.push(m[1] as string, m[2] as string);
    else res.push(p);
  }
  return res;
}

/** kyaml `cleanPath`: trims spaces and drops empty parts. */
export function cleanPath(parts: readonly string[]): string[] {
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Go `strconv.Atoi`: a base-10 int64 with optional sign, or `undefined`. */
export function goAtoi(s: string): number | undefined {
  const c = s.charCodeAt(0);
  if (!(c >= 48 && c <= 57) && c !== 43 && c !== 45) return undefined;
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  if (s.length <= 15) return Number(s);
  const v = BigInt(s);
  if (v < -(1n << 63n) || v >= 1n << 63n) return undefined;
  return Number(v);
}

/** kyaml `IsIdxNumber`: a non-negative integer part. */
export function isIdxNumber(p: string): boolean {
  const n = goAtoi(p);
  return n !== undefined && n >= 0;
}

/** kyaml `IsListIndex`: a bracketed part such as `[name=x]` or `[=x]`. */
export function isListIndex(p: string): boolean {
  return p.startsWith('[') && p.endsWith(']');
}

/** kyaml `SplitIndexNameValue`: `[name=nginx]` → `['name', 'nginx']`, `[=x]` → `['', 'x']`. */
export function splitIndexNameValue(p: string): [string, string] {
  let elem = p.endsWith(']') ? p.slice(0, -1) : p;
  if (elem.startsWith('[')) elem = elem.slice(1);
  const eq = elem.indexOf('=');
  if (eq < 0)
    throw new Error('list path element must contain fieldName=fieldValue for element to match');
  return [elem.slice(0, eq), elem.slice(eq + 1)];
}
