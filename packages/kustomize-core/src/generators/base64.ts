const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Line length of generated base64 values (kyaml `encodeBase64`, constants.json
 * `secretDataBase64.lineLength`).
 */
export const BASE64_LINE_LENGTH = 70;

/** Standard (padded) base64 of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      ALPHABET.charAt(n >> 18) +
      ALPHABET.charAt((n >> 12) & 63) +
      ALPHABET.charAt((n >> 6) & 63) +
      ALPHABET.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out += `${ALPHABET.charAt(n >> 18)}${ALPHABET.charAt((n >> 12) & 63)}==`;
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += `${ALPHABET.charAt(n >> 18)}${ALPHABET.charAt((n >> 12) & 63)}${ALPHABET.charAt((n >> 6) & 63)}=`;
  }
  return out;
}

/**
 * Base64 as kustomize stores generated Secret data and ConfigMap binaryData: when the text is
 * {@link BASE64_LINE_LENGTH} characters or longer it is cut into lines of that length, each
 * (the last included) ending in `\n`; shorter text is returned as is.
 */
export function encodeBase64Lines(bytes: Uint8Array): string {
  const text = encodeBase64(bytes);
  if (text.length < BASE64_LINE_LENGTH) return text;
  let out = '';
  for (let i = 0; i < text.length; i += BASE64_LINE_LENGTH) {
    out += `${text.slice(i, i + BASE64_LINE_LENGTH)}\n`;
  }
  return out;
}
