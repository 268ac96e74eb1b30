import { GitSourceError } from '../git-source-error.js';

/**
 * kustomize's remote file load: a plain `GET` (no timeout of its own), the body of a 2xx
 * answer, otherwise an `HttpStatus` {@link GitSourceError} carrying the status.
 */
export async function fetchHttpFile(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (e) {
    signal?.throwIfAborted();
    throw new GitSourceError('FetchFailed', `GET ${url}: ${(e as Error).message}`, {
      data: { url },
      cause: e,
    });
  }
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel();
    throw new GitSourceError(
      'HttpStatus',
      `GET ${url}: status code ${response.status} (${response.statusText})`,
      { data: { url, status: response.status } },
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}
