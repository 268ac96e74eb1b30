import { parseArgs } from 'node:util';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, type LoadRestrictor } from '@kustomate/kustomize-core';
import { createGitRemoteLoader } from '@kustomate/git-source/node';
import { createNodeFs } from '@kustomate/vfs/node';
import { CliUsageError } from '../cli-usage-error.js';
import type { CliIo } from '../run-cli.js';

const RESTRICTORS: readonly LoadRestrictor[] = ['LoadRestrictionsRootOnly', 'LoadRestrictionsNone'];

/** `kustomate build DIR [--load-restrictor R] [-o FILE]`: prints what `kubectl kustomize DIR` prints. */
export async function buildCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'load-restrictor': { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
    });
  } catch (e) {
    throw new CliUsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new CliUsageError('build takes at most one directory');
  const restrictor = (values['load-restrictor'] ?? 'LoadRestrictionsRootOnly') as LoadRestrictor;
  if (!RESTRICTORS.includes(restrictor)) {
    throw new CliUsageError(
      `invalid --load-restrictor "${restrictor}": use ${RESTRICTORS.join(' or ')}`,
    );
  }
  const dir = path.resolve(io.cwd, positionals[0] ?? '.');
  const fs = createNodeFs();
  const result = await build({
    fs,
    path: dir,
    loadRestrictor: restrictor,
    remote: createGitRemoteLoader({ cacheDir: gitCacheDir() }),
    onWarning: (w) => io.stderr(`${w}\n`),
  });
  const yaml = result.toYaml();
  if (values.output !== undefined) {
    fs.writeFile(path.resolve(io.cwd, values.output), yaml);
  } else {
    io.stdout(yaml);
  }
  return 0;
}

/** Where remote bases are cached: `$XDG_CACHE_HOME/kustomate/git`, else under the OS temp dir. */
function gitCacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : os.tmpdir(), 'kustomate', 'git');
}
