import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Runs the git CLI (deterministic identity and dates). */
export function gitCli(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
      GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: cwd,
    },
  });
}

/** Whether the git CLI (with http-backend) is available. */
export function hasGit(): boolean {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** Writes `files` into a fresh temp dir. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/**
 * Creates `<projectRoot>/<name>` as a bare repository: one commit per entry of `commits`
 * (each a full tree), the commit tagged with the entry's tags; `main` is the default branch.
 */
export function createBareRepo(
  projectRoot: string,
  name: string,
  commits: { files: Record<string, string>; tags?: string[]; annotated?: string[] }[],
): string {
  const work = mkdtempSync(join(tmpdir(), 'kustomate-git-work-'));
  gitCli(work, 'init', '-q', '-b', 'main');
  for (const commit of commits) {
    gitCli(work, 'rm', '-rq', '--ignore-unmatch', '.');
    writeTree(work, commit.files);
    gitCli(work, 'add', '-A');
    gitCli(work, 'commit', '-qm', `commit ${Object.keys(commit.files).join(' ')}`);
    for (const tag of commit.tags ?? []) gitCli(work, 'tag', tag);
    for (const tag of commit.annotated ?? []) gitCli(work, 'tag', '-a', tag, '-m', tag);
  }
  const bare = join(projectRoot, name);
  gitCli(projectRoot, 'clone', '-q', '--bare', work, bare);
  rmSync(work, { recursive: true, force: true });
  return bare;
}

/** A running `git http-backend` server on 127.0.0.1. */
export interface GitHttpServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Every request as `METHOD path?query`, in order. */
  requests: string[];
  /** Extra plain files served at exact paths (`/cm.yaml` → text), outside git. */
  files: Map<string, string>;
  close(): Promise<void>;
}

/** Serves the repositories under `projectRoot` with git's smart HTTP CGI (`git http-backend`). */
export async function startGitHttpServer(projectRoot: string): Promise<GitHttpServer> {
  const requests: string[] = [];
  const files = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    // Under /hang/ git requests never get an answer (timeouts); other GETs get a 404.
    if (url.pathname.startsWith('/hang/')) {
      if (!url.pathname.includes('/info/refs')) {
        res.writeHead(404);
        res.end();
      }
      return;
    }
    const file = files.get(url.pathname);
    if (file !== undefined) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(file);
      return;
    }
    const cgi = spawn('git', ['http-backend'], {
      env: {
        ...process.env,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        REMOTE_ADDR: '127.0.0.1',
        GIT_HTTP_MAX_REQUEST_BUFFER: '100M',
        ...(req.headers['content-encoding']
          ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] }
          : {}),
        ...(req.headers['git-protocol']
          ? { GIT_PROTOCOL: String(req.headers['git-protocol']) }
          : {}),
      },
    });
    req.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (c: Buffer) => chunks.push(c));
    cgi.on('close', () => {
      const out = Buffer.concat(chunks);
      const sep = out.indexOf('\r\n\r\n');
      const headerEnd = sep >= 0 ? sep : out.indexOf('\n\n');
      const headerText = out.subarray(0, headerEnd).toString('latin1');
      const body = out.subarray(headerEnd + (sep >= 0 ? 4 : 2));
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of headerText.split(/\r?\n/)) {
        const i = line.indexOf(':');
        if (i < 0) continue;
        const key = line.slice(0, i).trim();
        const value = line.slice(i + 1).trim();
        if (key.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
        else headers[key] = value;
      }
      res.writeHead(status, headers);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    files,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
