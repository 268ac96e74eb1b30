/** One `[submodule "name"]` section of a `.gitmodules` file. */
export interface GitSubmodule {
  /** The section's subsection name. */
  name: string;
  /** `path`: where the submodule is checked out, relative to the superproject. */
  path: string;
  /** `url`: absolute, or relative (`./`, `../`) to the superproject's URL. */
  url: string;
  /** `update`; `none` means `git submodule update` leaves the submodule alone. */
  update?: string;
}

/**
 * Parses a `.gitmodules` file (git-config syntax: sections, `#`/`;` comments, quoted values
 * with `\"`, `\\`, `\n`, `\t`, `\b` escapes, backslash line continuations, case-insensitive
 * keys, the last value of a key winning). Sections other than `[submodule "…"]` are ignored, as
 * are submodules without both `path` and `url`.
 *
 * @example
 * ```ts
 * parseGitmodules('[submodule "lib"]\n\tpath = vendor/lib\n\turl = ../lib.git\n');
 * // [{ name: 'lib', path: 'vendor/lib', url: '../lib.git' }]
 * ```
 */
export function parseGitmodules(text: string): GitSubmodule[] {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  let i = 0;
  const at = (k: number) => text.charAt(k);
  const skipBlanks = () => {
    while (at(i) === ' ' || at(i) === '\t' || at(i) === '\r') i++;
  };
  const skipLine = () => {
    while (i < text.length && at(i) !== '\n') i++;
    i++;
  };
  while (i < text.length) {
    skipBlanks();
    const c = at(i);
    if (c === '\n' || c === '#' || c === ';' || c === '') {
      skipLine();
      continue;
    }
    if (c === '[') {
      const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\\n]|\\.)*)")?\s*\]/.exec(text.slice(i));
      if (!header) throw new SyntaxError(`.gitmodules: bad section header at offset ${i}`);
      i += header[0].length;
      const section = header[1]?.toLowerCase();
      const sub = header[2];
      current = undefined;
      if (section === 'submodule' && sub !== undefined) {
        const name = sub.replace(/\\(.)/g, '$1');
        current = sections.get(name) ?? new Map<string, string>();
        sections.set(name, current);
      }
      continue;
    }
    const key = /^[A-Za-z][A-Za-z0-9-]*/.exec(text.slice(i))?.[0];
    if (key === undefined) throw new SyntaxError(`.gitmodules: bad line at offset ${i}`);
    i += key.length;
    skipBlanks();
    let value = 'true';
    if (at(i) === '=') {
      i++;
      const parsed = parseValue(text, i);
      value = parsed.value;
      i = parsed.end;
    } else if (at(i) !== '\n' && at(i) !== '' && at(i) !== '#' && at(i) !== ';') {
      throw new SyntaxError(`.gitmodules: expected '=' after '${key}' at offset ${i}`);
    }
    current?.set(key.toLowerCase(), value);
    skipLine();
  }
  const out: GitSubmodule[] = [];
  for (const [name, keys] of sections) {
    const path = keys.get('path');
    const url = keys.get('url');
    if (path === undefined || url === undefined) continue;
    const update = keys.get('update');
    out.push({ name, path, url, ...(update !== undefined ? { update } : {}) });
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', b: '\b', '"': '"', '\\': '\\' };

/** A git-config value from `start` to the end of its (possibly continued) line. */
function parseValue(text: string, start: number): { value: string; end: number } {
  let value = '';
  let pending = '';
  let quoted = false;
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\n') break;
    if (!quoted && (c === '#' || c === ';')) break;
    if (c === '\\') {
      const next = text.charAt(i + 1);
      i++;
      if (next === '\n') continue;
      if (next === '\r' && text.charAt(i + 1) === '\n') {
        i++;
        continue;
      }
      const escaped = ESCAPES[next];
      if (escaped === undefined) throw new SyntaxError(`.gitmodules: bad escape '\\${next}'`);
      value += pending + escaped;
      pending = '';
      continue;
    }
    if (c === '"') {
      value += pending;
      pending = '';
      quoted = !quoted;
      continue;
    }
    if (!quoted && (c === ' ' || c === '\t' || c === '\r')) {
      // Whitespace counts only between other characters (trimmed at both ends).
      if (value !== '') pending += c;
      continue;
    }
    value += pending + c;
    pending = '';
  }
  if (quoted) throw new SyntaxError('.gitmodules: unterminated quoted value');
  return { value, end: i };
}

/**
 * The URL git fetches a submodule from: `./` and `../` URLs are resolved against the
 * superproject's URL as `git submodule` does (each `../` drops one trailing component, `./`
 * none); an absolute local path becomes a `file://` URL; anything else is used as is.
 *
 * @example
 * ```ts
 * resolveSubmoduleUrl('https://example.com/org/app.git', '../lib.git'); // 'https://example.com/org/lib.git'
 * ```
 */
export function resolveSubmoduleUrl(superUrl: string, url: string): string {
  if (url.startsWith('/')) return `file://${url}`;
  if (!url.startsWith('./') && !url.startsWith('../')) return url;
  let base = superUrl.replace(/\/+$/, '');
  let rest = url;
  for (;;) {
    if (rest.startsWith('./')) {
      rest = rest.slice(2);
    } else if (rest.startsWith('../')) {
      rest = rest.slice(3);
      const slash = base.lastIndexOf('/');
      const floor = base.indexOf('://') + 3;
      if (slash < floor || (floor > 2 && slash < base.indexOf('/', floor))) {
        throw new Error(`submodule URL '${url}' climbs above '${superUrl}'`);
      }
      base = base.slice(0, slash);
    } else {
      break;
    }
  }
  return rest === '' ? base : `${base}/${rest}`;
}
