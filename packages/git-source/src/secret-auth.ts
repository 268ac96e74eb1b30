import { GitSourceError } from './git-source-error.js';

/** A Kubernetes Secret as far as auth needs it: `data` (base64) and/or `stringData`. */
export interface SecretLike {
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/**
 * HTTP auth of a GitRepository `secretRef`, as source-controller reads it: `username` and
 * `password` for basic auth, or `bearerToken`. Returns the headers to send (empty without
 * credentials). A `username` without `password` (or the reverse) is an `InvalidSecret` error;
 * values never appear in messages.
 *
 * @example
 * ```ts
 * authHeaders({ stringData: { bearerToken: 't0k' } }); // { authorization: 'Bearer t0k' }
 * ```
 */
export function authHeaders(secret: SecretLike | undefined): Record<string, string> {
  if (!secret) return {};
  const username = secretValue(secret, 'username');
  const password = secretValue(secret, 'password');
  const token = secretValue(secret, 'bearerToken');
  if (username !== undefined || password !== undefined) {
    if (username === undefined || password === undefined) {
      throw new GitSourceError(
        'InvalidSecret',
        `secret has '${username === undefined ? 'password' : 'username'}' but no '${username === undefined ? 'username' : 'password'}'`,
      );
    }
    return { authorization: `Basic ${base64(`${username}:${password}`)}` };
  }
  if (token !== undefined) return { authorization: `Bearer ${token}` };
  return {};
}

/**
 * A key of a Secret: `stringData` wins over `data` (base64, as the API server merges them).
 * Invalid base64 is an `InvalidSecret` error naming the key, never the value.
 *
 * @example
 * ```ts
 * secretValue({ data: { 'ca.crt': 'LS0t' } }, 'ca.crt'); // '---'
 * ```
 */
export function secretValue(secret: SecretLike, key: string): string | undefined {
  const plain = secret.stringData?.[key];
  if (plain !== undefined) return plain;
  const encoded = secret.data?.[key];
  if (encoded === undefined) return undefined;
  try {
    const binary = atob(encoded);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch (e) {
    throw new GitSourceError('InvalidSecret', `secret key '${key}' is not valid base64`, {
      cause: e,
    });
  }
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
