import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** A proxy in front of a git server that may demand an `authorization` header. */
export interface GitProxyServer {
  url: string;
  /** Each request as `METHOD path` with its body (for `have` lines in upload-pack requests). */
  requests: { line: string; body: string }[];
  close(): Promise<void>;
}

/**
 * Forwards to `target`; with `authorization`, other requests get a 401. With `tls` (PEM key
 * and certificate) it listens over https.
 */
export async function startGitProxy(
  target: string,
  authorization?: string,
  tls?: { key: string; cert: string },
): Promise<GitProxyServer> {
  const requests: { line: string; body: string }[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ line: `${req.method} ${req.url}`, body: body.toString('latin1') });
      if (authorization !== undefined && req.headers.authorization !== authorization) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="git"' });
        res.end();
        return;
      }
      const headers = { ...req.headers };
      delete headers.host;
      const upstream = request(
        `${target}${req.url ?? '/'}`,
        { method: req.method ?? 'GET', headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.end(body);
    });
  };
  const server = tls ? createHttpsServer(tls, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
