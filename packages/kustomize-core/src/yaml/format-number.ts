/**
 * How a number prints after kustomize's trip through Go's `encoding/json` and yaml.v2:
 * integral values as integers (int64/uint64 exactly), everything else with
 * `strconv.FormatFloat(v, 'g', -1, 64)`.
 *
 * @module
 */
import { KustomizeError } from '../errors.js';
import { formatGoFloat, inGoIntRange } from './go-strconv.js';

/**
 * The text kustomize prints for a number: Go's JSON encoder writes a float64 with all its
 * integer digits below 1e21 (`-9223372036854775808` for -2^63 becomes `-9223372036854776000`),
 * and yaml.v2 reads that back as an int when it fits int64/uint64, else as a float.
 *
 * @throws KustomizeError `Output` for NaN and infinities (not JSON values).
 *
 * @example
 * ```ts
 * formatYamlNumber(1234567.5) // '1.2345675e+06'
 * formatYamlNumber(1e20) // '1e+20'
 * formatYamlNumber(12345678901234567890n) // '12345678901234567890'
 * ```
 */
export function formatYamlNumber(v: number | bigint): string {
  if (typeof v === 'bigint') return inGoIntRange(v) ? String(v) : formatGoFloat(Number(v));
  if (!Number.isFinite(v)) {
    const shown = Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
    throw new KustomizeError('Output', `json: unsupported value: ${shown}`);
  }
  if (Number.isInteger(v)) {
    if (Number.isSafeInteger(v)) return String(v); // also turns -0 into "0"
    if (Math.abs(v) < 1e21) {
      const digits = String(v); // shortest digits padded with zeros, as Go's %f prints them
      if (inGoIntRange(BigInt(digits))) return digits;
    }
  }
  return formatGoFloat(v);
}
