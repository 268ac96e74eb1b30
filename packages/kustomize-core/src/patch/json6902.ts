import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';
import {
  addValue,
  findContainer,
  getValue,
  jsonEqual,
  JsonPatchStepError,
  MISSING_VALUE,
  removeValue,
  setValue,
  type JsonContainer,
} from './json6902-document.js';
import { YAML_LIMITS, shapeOf } from '../yaml/limits.js';
import { toJsonData } from './json-data.js';

type Operation = YamlMap;

class Fail extends JsonPatchStepError {}

function fail(message: string): never {
  throw new Fail(message);
}

/** Wraps a lower-level step error the way github.com/pkg/errors `Wrapf` does. */
function wrap(prefix: string, run: () => void): void {
  try {
    run();
  } catch (e) {
    if (e instanceof Fail || !(e instanceof JsonPatchStepError)) throw e;
    fail(`${prefix}: ${e.message}`);
  }
}

function stringField(op: Operation, field: 'path' | 'from', missing: string): string {
  const value = op[field];
  if (value === undefined || value === null) fail(`${missing}: ${MISSING_VALUE}`);
  if (typeof value !== 'string')
    fail(`json: cannot unmarshal ${jsonType(value)} into Go value of type string`);
  return value;
}

function jsonType(value: YamlValue): string {
  if (Array.isArray(value)) return 'array';
  if (isYamlMap(value)) return 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

/** The operation's `value` (`null` when absent, as evanphx stores a nil node). */
function valueOf(op: Operation): YamlValue {
  return op.value === undefined ? null : op.value;
}

function locate(
  doc: JsonContainer,
  path: string,
  missing: string,
): { container: JsonContainer; key: string } {
  return findContainer(doc, path) ?? fail(`${missing}: ${MISSING_VALUE}`);
}

interface State {
  doc: JsonContainer;
}

const OPERATIONS: Record<string, (state: State, op: Operation) => void> = {
  add(state, op) {
    const path = decodeOr(() => stringField(op, 'path', ''), 'add operation failed to decode path');
    const { container, key } = locate(
      state.doc,
      path,
      `add operation does not apply: doc is missing path: "${path}"`,
    );
    wrap(`error in add for path: '${path}'`, () => addValue(container, key, valueOf(op)));
  },
  remove(state, op) {
    const path = decodeOr(
      () => stringField(op, 'path', ''),
      'remove operation failed to decode path',
    );
    const { container, key } = locate(
      state.doc,
      path,
      `remove operation does not apply: doc is missing path: "${path}"`,
    );
    wrap(`error in remove for path: '${path}'`, () => removeValue(container, key));
  },
  replace(state, op) {
    const path = withPrefix('replace operation failed to decode path', () =>
      stringField(op, 'path', 'operation missing path field'),
    );
    if (path === '') {
      if (op.value === undefined) fail('replace operation on the whole document needs a value');
      if (Array.isArray(op.value) || isYamlMap(op.value)) state.doc = op.value;
      return;
    }
    const { container, key } = locate(
      state.doc,
      path,
      `replace operation does not apply: doc is missing path: ${path}`,
    );
    try {
      getValue(container, key);
    } catch {
      fail(`replace operation does not apply: doc is missing key: ${path}: ${MISSING_VALUE}`);
    }
    // evanphx's wording for a failed replace really says "remove"
    wrap(`error in remove for path: '${path}'`, () => setValue(container, key, valueOf(op)));
  },
  move(state, op) {
    const from = withPrefix('move operation failed to decode from', () =>
      stringField(op, 'from', 'operation, missing from field'),
    );
    const source = locate(
      state.doc,
      from,
      `move operation does not apply: doc is missing from path: ${from}`,
    );
    let value: YamlValue | undefined;
    wrap(
      `error in move for path: '${source.key}'`,
      () => (value = getValue(source.container, source.key)),
    );
    wrap(`error in move for path: '${source.key}'`, () =>
      removeValue(source.container, source.key),
    );
    const path = withPrefix('move operation failed to decode path', () =>
      stringField(op, 'path', 'operation missing path field'),
    );
    const target = locate(
      state.doc,
      path,
      `move operation does not apply: doc is missing destination path: ${path}`,
    );
    wrap(`error in move for path: '${path}'`, () =>
      addValue(target.container, target.key, value ?? null),
    );
  },
  copy(state, op) {
    const from = withPrefix('copy operation failed to decode from', () =>
      stringField(op, 'from', 'operation, missing from field'),
    );
    const source = locate(
      state.doc,
      from,
      `copy operation does not apply: doc is missing from path: ${from}`,
    );
    let value: YamlValue | undefined;
    wrap(
      `error in copy for from: '${from}'`,
      () => (value = getValue(source.container, source.key)),
    );
    const path = decodeOr(
      () => stringField(op, 'path', ''),
      'copy operation failed to decode path',
    );
    const target = locate(
      state.doc,
      path,
      `copy operation does not apply: doc is missing destination path: ${path}`,
    );
    const copied = toJsonData(value ?? null);
    wrap('error while adding value during copy', () =>
      addValue(target.container, target.key, copied),
    );
  },
  test(state, op) {
    const path = withPrefix('test operation failed to decode path', () =>
      stringField(op, 'path', 'operation missing path field'),
    );
    let actual: YamlValue | undefined;
    if (path === '') {
      actual = state.doc;
    } else {
      const { container, key } = locate(
        state.doc,
        path,
        `test operation does not apply: is missing path: ${path}`,
      );
      wrap(`error in test for path: '${path}'`, () => (actual = getValue(container, key)));
    }
    const failed = `testing value ${path} failed: test failed`;
    if (actual === undefined || actual === null) {
      if (op.value === undefined) fail('test operation needs a value');
      if (op.value !== null) fail(failed);
      return;
    }
    if (op.value === undefined || !jsonEqual(actual, op.value)) fail(failed);
  },
};

/** evanphx wraps a path error in `ErrMissing` for some operations, ignoring the cause. */
function decodeOr(read: () => string, message: string): string {
  try {
    return read();
  } catch (e) {
    if (e instanceof Fail) fail(`${message}: ${MISSING_VALUE}`);
    throw e;
  }
}

function withPrefix(prefix: string, read: () => string): string {
  try {
    return read();
  } catch (e) {
    if (e instanceof Fail) fail(`${prefix}: ${e.message}`);
    throw e;
  }
}

function opKind(op: Operation | null): string {
  const kind = op?.op;
  return typeof kind === 'string' ? kind : 'unknown';
}

function patchError(
  message: string,
  file: string | undefined,
  index: number,
  kind: string,
): KustomizeError {
  const where = `${file ? `${file}: ` : ''}JSON patch operation ${index}${kind === 'unknown' ? '' : ` (${kind})`}`;
  return new KustomizeError('InvalidPatch', `${where}: ${message}`, {
    ...(file ? { location: { file } } : {}),
    data: { operation: index, op: kind },
  });
}

/**
 * Checks that `operations` is what evanphx/json-patch's `DecodePatch` accepts: `null`
 * (no operations) or a list whose items are mappings or `null`.
 */
export function validateJson6902Operations(
  operations: unknown,
  file?: string,
): (Operation | null)[] {
  if (operations === undefined || operations === null) return [];
  const where = file ? `${file}: ` : '';
  if (!Array.isArray(operations)) {
    throw new KustomizeError(
      'InvalidPatch',
      `${where}a JSON 6902 patch must be a list of operations`,
      {
        ...(file ? { location: { file } } : {}),
      },
    );
  }
  return operations.map((op: unknown, index) => {
    if (op === null || isYamlMap(op)) return op;
    throw patchError('an operation must be a mapping', file, index, 'unknown');
  });
}

/**
 * Applies an RFC 6902 JSON patch as kustomize v5.5 does (evanphx/json-patch v4 on the
 * resource's JSON form): the resource and the operation values pass through float64, so every
 * number becomes a JS number (`12345678901234567890` → `12345678901234567000`), and v4's
 * quirks hold — `replace` of a missing object key adds it, negative array indexes count from
 * the end, `-` appends, a path's first segment is not checked, `copy` from a missing key
 * writes `null`, `test` compares scalars by their JSON text.
 *
 * @param target the resource (not modified).
 * @param operations the decoded operation list (YAML 1.1 / JSON already parsed).
 * @param file where the patch came from, for error messages.
 * @returns the patched resource, a new object.
 * @throws KustomizeError `InvalidPatch` naming the file and operation index, with
 *   evanphx's message (e.g. `error in remove for path: '/data/b': Unable to remove
 *   nonexistent key: b: missing value`).
 *
 * @example
 * ```ts
 * applyJson6902(configMap, [{ op: 'add', path: '/data/b', value: 'x' }], 'patch.yaml');
 * ```
 */
export function applyJson6902(target: YamlMap, operations: unknown, file?: string): YamlMap {
  const ops = validateJson6902Operations(operations, file);
  let doc: YamlValue;
  try {
    doc = toJsonData(target);
  } catch (e) {
    throw new KustomizeError(
      'InvalidPatch',
      `${file ? `${file}: ` : ''}cannot apply a JSON patch: ${(e as Error).message}`,
      {
        ...(file ? { location: { file } } : {}),
        cause: e,
      },
    );
  }
  const state: State = { doc: doc as YamlMap };
  ops.forEach((raw, index) => {
    const kind = opKind(raw);
    if (shapeOf(raw as YamlValue, false).depth > YAML_LIMITS.maxDepth) {
      throw limitError(
        `operation ${index} nests values more than ${YAML_LIMITS.maxDepth} levels deep`,
        file,
      );
    }
    try {
      const run = raw === null ? undefined : OPERATIONS[kind];
      if (!Object.hasOwn(OPERATIONS, kind) || run === undefined) fail(`Unexpected kind: ${kind}`);
      run(state, toJsonData(raw) as Operation);
    } catch (e) {
      if (e instanceof JsonPatchStepError) throw patchError(e.message, file, index, kind);
      throw e;
    }
    const shape = shapeOf(state.doc, false);
    if (shape.depth > YAML_LIMITS.maxDepth || shape.size > YAML_LIMITS.maxPatchedNodes) {
      throw limitError(
        `operation ${index} makes the resource exceed ${YAML_LIMITS.maxPatchedNodes} values or ${YAML_LIMITS.maxDepth} levels of nesting`,
        file,
      );
    }
  });
  if (!isYamlMap(state.doc)) {
    throw patchError(
      'json: cannot unmarshal array into Go value of type map[string]interface {}',
      file,
      ops.length - 1,
      'replace',
    );
  }
  return state.doc;
}

/** A `LimitExceeded` error about a JSON 6902 patch (see `YAML_LIMITS`). */
function limitError(message: string, file: string | undefined): KustomizeError {
  return new KustomizeError('LimitExceeded', `${file ? `${file}: ` : ''}JSON patch: ${message}`, {
    ...(file ? { location: { file } } : {}),
  });
}
