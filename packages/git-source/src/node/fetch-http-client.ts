import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';

async function collect(body: GitHttpRequest['body']): Promise<Uint8Array | undefined> {
  if (body === undefined) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function* chunks(response: Response): AsyncIterableIterator<Uint8Array> {
  if (!response.body) return;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * An isomorphic-git {@link HttpClient} over Node's `fetch` whose requests abort with `signal`,
 * so a timed-out or cancelled fetch closes its connections instead of lingering.
 */
export function createFetchHttpClient(signal: AbortSignal): HttpClient {
  return {
    async request(request: GitHttpRequest): Promise<GitHttpResponse> {
      const body = await collect(request.body);
      const response = await fetch(request.url, {
        method: request.method ?? 'GET',
        headers: request.headers ?? {},
        signal,
        ...(body !== undefined ? { body } : {}),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      return {
        url: response.url,
        method: request.method ?? 'GET',
        headers,
        body: chunks(response),
        statusCode: response.status,
        statusMessage: response.statusText,
      };
    },
  };
}
