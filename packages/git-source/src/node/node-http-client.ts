import * as http from 'node:http';
import * as https from 'node:https';
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';

/** Options of {@link createNodeHttpClient}. */
export interface NodeHttpClientOptions {
  /** PEM CA bundle trusted for https (a Secret's `ca.crt`), in place of Node's default roots. */
  ca?: string | undefined;
  /** Headers added to every request (e.g. `authorization`). */
  headers?: Record<string, string> | undefined;
  signal: AbortSignal;
}

/**
 * An isomorphic-git {@link HttpClient} over `node:http`/`node:https` that trusts `ca`, adds
 * `headers` and aborts its requests with `signal`.
 */
export function createNodeHttpClient(options: NodeHttpClientOptions): HttpClient {
  return {
    async request(request: GitHttpRequest): Promise<GitHttpResponse> {
      options.signal.throwIfAborted();
      const chunks: Uint8Array[] = [];
      if (request.body) {
        for await (const chunk of request.body as AsyncIterable<Uint8Array>) chunks.push(chunk);
      }
      const url = new URL(request.url);
      const method = request.method ?? 'GET';
      const headers = { ...request.headers, ...options.headers };
      const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
        const send = url.protocol === 'https:' ? https.request : http.request;
        const req = send(
          url,
          {
            method,
            headers,
            signal: options.signal,
            ...(url.protocol === 'https:' && options.ca !== undefined ? { ca: options.ca } : {}),
          },
          resolve,
        );
        req.on('error', reject);
        req.end(chunks.length > 0 ? Buffer.concat(chunks) : undefined);
      });
      const responseHeaders: Record<string, string> = {};
      for (const [key, value] of Object.entries(response.headers)) {
        if (value !== undefined)
          responseHeaders[key] = Array.isArray(value) ? value.join(', ') : value;
      }
      return {
        url: request.url,
        method,
        headers: responseHeaders,
        body: iterate(response),
        statusCode: response.statusCode ?? 0,
        statusMessage: response.statusMessage ?? '',
      };
    },
  };
}

async function* iterate(response: http.IncomingMessage): AsyncIterableIterator<Uint8Array> {
  for await (const chunk of response) yield chunk as Uint8Array;
}
