import { isWithin, normalizePath } from '@kustomate/vfs';
import { KustomizeError } from '../../errors.js';
import { mergeAccumulator, type Accumulator } from '../accumulator.js';
import { warn, type BuildContext } from '../build-context.js';
import { KustTarget } from '../kust-target.js';
import { applyOpenApiSetting } from '../openapi-setting.js';
import { resourcesFromText } from '../resource-factory.js';
import { remoteOriginPath, tryParseRemoteSpec, type RemoteSpec } from './parse-remote-spec.js';
import { RemoteFileLoader, visitedRemoteUrls } from './remote-file-loader.js';
import { appendOrigin, countTransformations, stampRemoteOrigins } from './remote-origin.js';
import { activeRemoteSession, type RemoteSession } from './remote-session.js';

const decoder = new TextDecoder('utf-8');

/** kustomize `IsRemoteFile`: an `http(s)://` URL, fetched as a file before anything else. */
export function isRemoteFileUrl(entry: string): boolean {
  return /^https?:\/\/[^/?#]/i.test(entry);
}

/** Whether a `resources` entry that names nothing local is remote: an http(s) or git URL. */
export function isRemoteEntry(entry: string): boolean {
  return isRemoteFileUrl(entry) || tryParseRemoteSpec(entry).ok;
}

/**
 * Accumulates a remote `resources` entry (kustomize `accumulateResources` for URLs): an
 * http(s) URL is first fetched as a file of objects; when that fails and the URL is a git URL,
 * the repository is fetched and the kustomization in it accumulated like a local base.
 * Fetches go through the build's remote session; a missing one throws `NeedsRemote`.
 */
export function accumulateRemote(kt: KustTarget, ra: Accumulator, entry: string): Accumulator {
  const file = kt.loaded.displayPath;
  const session = requireSession(kt, entry, 'resources');
  const parsed = tryParseRemoteSpec(entry);
  let fileError: KustomizeError | undefined;
  if (isRemoteFileUrl(entry)) {
    const fetched = session.file(entry);
    if (fetched.ok) {
      try {
        appendRemoteFile(kt, ra, entry, fetched.value);
        return ra;
      } catch (e) {
        if (!(e instanceof KustomizeError) || !parsed.ok) throw e;
        fileError = e;
      }
    } else if (!parsed.ok) {
      throw new KustomizeError(
        'MissingFile',
        `${file}: accumulating resources from '${entry}': ${messageOf(fetched.error)}`,
        { location: { file, field: 'resources' }, data: { url: entry }, cause: fetched.error },
      );
    }
  }
  if (!parsed.ok) {
    throw new KustomizeError(
      'MissingFile',
      `${file}: '${entry}' is not a git URL: ${parsed.reason}`,
      { location: { file, field: 'resources' }, data: { url: entry } },
    );
  }
  return accumulateRepo(kt, ra, session, parsed.spec, fileError, 'resources');
}

/** Whether a `components` entry that names no local directory is a git URL. */
export function isRemoteComponent(entry: string): boolean {
  return tryParseRemoteSpec(entry).ok;
}

/**
 * Accumulates a git URL listed under `components` (kustomize's `loader.New` clones it): the
 * repository is fetched through the build's remote session and the `Component` in it runs on
 * the parent's accumulator, like a local component. Its origins and transformation records
 * carry the repository's repo and ref. A missing fetch throws `NeedsRemote`.
 */
export function accumulateRemoteComponent(
  kt: KustTarget,
  ra: Accumulator,
  entry: string,
): Accumulator {
  const session = requireSession(kt, entry, 'components');
  const parsed = tryParseRemoteSpec(entry);
  if (!parsed.ok) {
    const file = kt.loaded.displayPath;
    throw new KustomizeError(
      'MissingFile',
      `${file}: component '${entry}' is not a git URL: ${parsed.reason}`,
      { location: { file, field: 'components' }, data: { url: entry } },
    );
  }
  return accumulateRepo(kt, ra, session, parsed.spec, undefined, 'components');
}

function requireSession(kt: KustTarget, entry: string, field: RemoteField): RemoteSession {
  const session = activeRemoteSession();
  if (session) return session;
  const file = kt.loaded.displayPath;
  const what = field === 'resources' ? 'resource' : 'component';
  throw new KustomizeError(
    'Unsupported',
    `${file}: remote ${what} '${entry}' needs a remote loader: call build() with the \`remote\` option (for example createGitRemoteLoader() from @kustomate/git-source/node)`,
    { location: { file, field }, data: { url: entry } },
  );
}

function appendRemoteFile(kt: KustTarget, ra: Accumulator, url: string, body: Uint8Array): void {
  const resources = resourcesFromText(decoder.decode(body), url, appendOrigin(kt.originDir, url));
  try {
    ra.resmap.appendAll(resources);
  } catch (e) {
    throw prefixed(e, `merging resources from '${url}'`);
  }
}

/** The kustomization field a remote entry is listed under. */
type RemoteField = 'resources' | 'components';

function accumulateRepo(
  kt: KustTarget,
  ra: Accumulator,
  session: RemoteSession,
  spec: RemoteSpec,
  fileError: KustomizeError | undefined,
  field: RemoteField,
): Accumulator {
  const file = kt.loaded.displayPath;
  const location = { file, field };
  const what = field === 'resources' ? 'base' : 'component';
  const visited = visitedRemoteUrls(kt.loader);
  const previous = visited.find((v) => v.startsWith(spec.raw));
  if (previous !== undefined) {
    throw new KustomizeError(
      'Cycle',
      `${file}: cycle detected: URI '${spec.raw}' referenced by previous URI '${previous}'`,
      { location, data: { url: spec.raw, previous } },
    );
  }
  if (/^git::/i.test(spec.raw)) {
    warn(
      kt.ctx,
      "Warning: Forcing the git protocol using the 'git::' URL prefix is not supported. Kustomize currently strips this invalid prefix, but will stop doing so in a future release. Please remove the 'git::' prefix from your configuration.",
    );
  }
  const fetched = session.repo({ kind: 'repo', spec });
  const data = { url: spec.raw, repo: spec.cloneUrl, ref: spec.ref };
  if (!fetched.ok) {
    if (fileError?.code === 'InvalidYaml' && !isTimeout(fetched.error)) throw fileError;
    const prefix = fileError ? `accumulation err='${fileError.message}': ` : '';
    throw new KustomizeError(
      'MissingFile',
      `${file}: ${prefix}fetching remote ${what} '${spec.raw}': ${messageOf(fetched.error)}`,
      { location, data, cause: fetched.error },
    );
  }
  const { fs } = fetched.value;
  const repoRoot = normalizePath(fetched.value.root);
  const dir = normalizePath(`${repoRoot}/${spec.kustRootPath}`);
  const st = fs.stat(dir);
  if (!st?.isDirectory) {
    throw new KustomizeError(
      'MissingFile',
      st
        ? `${file}: '${spec.raw}' refers to file '${spec.kustRootPath}' in ${spec.cloneUrl}; expecting directory`
        : `${file}: '${spec.raw}': directory '${spec.kustRootPath}' does not exist in ${spec.cloneUrl}`,
      { location, data },
    );
  }
  if (!isWithin(fs.realPath(repoRoot), fs.realPath(dir))) {
    throw new KustomizeError(
      'LoadRestriction',
      `${file}: '${spec.raw}' refers to directory outside of repo '${spec.cloneUrl}'`,
      { location, data },
    );
  }
  const loader = new RemoteFileLoader(fs, dir, repoRoot, spec, [...visited, spec.raw]);
  const ctx: BuildContext = {
    ...kt.ctx,
    fs,
    restrictor: 'LoadRestrictionsRootOnly',
    buildRoot: repoRoot,
  };
  const sub = loadRemoteTarget(ctx, loader, spec, what);
  if (field === 'components') {
    if (sub.kustomization.kind !== 'Component') {
      throw new KustomizeError(
        'InvalidKustomization',
        `${sub.loaded.displayPath}: expected kind 'Component' for path '${spec.kustRootPath}' but got '${sub.kustomization.kind}'`,
        { location: { file: sub.loaded.displayPath, field: 'kind' }, data },
      );
    }
    const before = countTransformations(ra);
    try {
      ra = sub.accumulateInto(ra);
    } catch (e) {
      throw prefixed(e, `accumulating remote component '${spec.raw}'`);
    }
    stampRemoteOrigins(ra, spec.cloneUrl, spec.ref, before);
    return ra;
  }
  let subRa: Accumulator;
  try {
    if (sub.kustomization.kind === 'Component') {
      throw new KustomizeError(
        'InvalidKustomization',
        `${sub.loaded.displayPath}: expected kind != 'Component' for path '${spec.kustRootPath}' (list components under 'components:')`,
        { location: { file: sub.loaded.displayPath, field: 'kind' } },
      );
    }
    subRa = sub.accumulate();
  } catch (e) {
    throw prefixed(e, `accumulating remote base '${spec.raw}'`);
  }
  stampRemoteOrigins(subRa, spec.cloneUrl, spec.ref);
  try {
    mergeAccumulator(ra, subRa);
  } catch (e) {
    throw prefixed(e, `merging resources from '${spec.raw}'`);
  }
  return ra;
}

/** Loads the kustomization of a fetched repository directory. */
function loadRemoteTarget(
  ctx: BuildContext,
  loader: RemoteFileLoader,
  spec: RemoteSpec,
  what: 'base' | 'component',
): KustTarget {
  try {
    const sub = KustTarget.load(ctx, loader, remoteOriginPath(spec));
    applyOpenApiSetting(ctx, sub, false);
    return sub;
  } catch (e) {
    throw prefixed(e, `accumulating remote ${what} '${spec.raw}'`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'TimeoutError' || (error as { code?: unknown }).code === 'Timeout';
}

/** Adds context to a build error, keeping its code; anything else passes through untouched. */
function prefixed(e: unknown, prefix: string): unknown {
  if (!(e instanceof KustomizeError)) return e;
  return new KustomizeError(e.code, `${prefix}: ${e.message}`, {
    location: e.location,
    data: e.data,
    cause: e,
  });
}
