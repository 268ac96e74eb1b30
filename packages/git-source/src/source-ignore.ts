import ignore, { type Ignore } from 'ignore';

/** Always excluded (fluxcd/pkg `sourceignore.VCSPatterns`). */
export const VCS_PATTERNS = ['.git/', '.gitignore', '.gitmodules', '.gitattributes'] as const;

/**
 * Excluded only when no `.sourceignore` file and no `spec.ignore` exist
 * (fluxcd/pkg `sourceignore.NewDefaultMatcher`; source-controller `SourceIgnoreFilter`).
 */
export const DEFAULT_IGNORE_PATTERNS = [
  '*.jpg',
  '*.jpeg',
  '*.gif',
  '*.png',
  '*.wmv',
  '*.flv',
  '*.tar.gz',
  '*.zip',
  '.github/',
  '.circleci/',
  '.travis.yml',
  '.gitlab-ci.yml',
  'appveyor.yml',
  '.drone.yml',
  'cloudbuild.yaml',
  'codeship-services.yml',
  'codeship-steps.yml',
  '**/.goreleaser.yml',
  '**/.sops.yaml',
  '**/.flux.yaml',
] as const;

/** The name of per-directory ignore files. */
export const SOURCE_IGNORE_FILE = '.sourceignore';

/** gitignore-syntax text scoped to a directory (`''` for the root). */
export interface ScopedPatterns {
  dir: string;
  text: string;
}

/**
 * Builds source-controller's exclusion test for paths relative to the repository root (`/`
 * separated, no leading slash): the VCS patterns, then `.sourceignore` files (each scoped to
 * its directory, shallower first), then `spec.ignore`; later rules win, `!` re-includes. The
 * default list applies only when there are no other patterns. A path is excluded when it or
 * any parent directory is.
 *
 * @example
 * ```ts
 * const excluded = createSourceIgnore({ files: [{ dir: 'app', text: '*.md\n' }] });
 * excluded('app/README.md', false); // true
 * excluded('README.md', false); // false
 * ```
 */
export function createSourceIgnore(options: {
  files?: readonly ScopedPatterns[];
  ignore?: string | undefined;
}): (path: string, isDir: boolean) => boolean {
  const files = [...(options.files ?? [])].filter((f) => hasPatterns(f.text));
  files.sort((a, b) => depth(a.dir) - depth(b.dir) || (a.dir < b.dir ? -1 : 1));
  const scoped: { dir: string; matcher: Ignore }[] = [
    { dir: '', matcher: ignore().add([...VCS_PATTERNS]) },
  ];
  const userIgnore = options.ignore !== undefined && hasPatterns(options.ignore);
  if (files.length === 0 && !userIgnore) {
    scoped.push({ dir: '', matcher: ignore().add([...DEFAULT_IGNORE_PATTERNS]) });
  }
  for (const file of files) scoped.push({ dir: file.dir, matcher: ignore().add(file.text) });
  if (userIgnore) scoped.push({ dir: '', matcher: ignore().add(options.ignore ?? '') });

  const test = (path: string, isDir: boolean): boolean => {
    let excluded = false;
    for (const { dir, matcher } of scoped) {
      if (dir !== '' && !path.startsWith(`${dir}/`)) continue;
      const rel = (dir === '' ? path : path.slice(dir.length + 1)) + (isDir ? '/' : '');
      const result = matcher.test(rel);
      if (result.ignored) excluded = true;
      else if (result.unignored) excluded = false;
    }
    return excluded;
  };
  return (path, isDir) => {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (test(parts.slice(0, i).join('/'), true)) return true;
    }
    return test(path, isDir);
  };
}

function hasPatterns(text: string): boolean {
  return text.split(/\r?\n/).some((line) => line.trim() !== '' && !line.startsWith('#'));
}

function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}
