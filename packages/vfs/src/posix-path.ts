/**
 * Small POSIX path helpers used by every FileSystem implementation and by the build, so that
 * no pure package needs `node:path`.
 */

/** Normalises an absolute or relative POSIX path (`a/./b/../c` → `a/c`). */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}

/** Joins and normalises path segments; an absolute segment restarts the path. */
export function joinPath(...parts: string[]): string {
  let acc = '';
  for (const part of parts) {
    if (part === '') continue;
    acc = part.startsWith('/') || acc === '' ? part : `${acc}/${part}`;
  }
  return normalizePath(acc === '' ? '.' : acc);
}

/** The directory part of a path (`/a/b` → `/a`, `/a` → `/`). */
export function dirname(path: string): string {
  const norm = normalizePath(path);
  const i = norm.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return norm.slice(0, i);
}

/** The last segment of a path. */
export function basename(path: string): string {
  const norm = normalizePath(path);
  return norm.slice(norm.lastIndexOf('/') + 1);
}

/** True when `child` equals `parent` or lies below it (both absolute, normalised). */
export function isWithin(parent: string, child: string): boolean {
  if (parent === '/') return child.startsWith('/');
  return child === parent || child.startsWith(`${parent}/`);
}

/** `to` relative to `from` (both absolute). */
export function relativePath(from: string, to: string): string {
  const a = normalizePath(from).split('/').filter(Boolean);
  const b = normalizePath(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  const rel = [...up, ...b.slice(i)].join('/');
  return rel === '' ? '.' : rel;
}
