import { isYamlMap, type ResourceOrigin, type YamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';
import { KResource } from '../resource/k-resource.js';
import { parseResourceYaml } from '../yaml/index.js';

function validateDocument(doc: YamlMap, file: string): void {
  const kind = doc.kind;
  if (kind === undefined || kind === null || kind === '') {
    throw new KustomizeError(
      'InvalidResource',
      `${file}: missing kind in object ${briefJson(doc)}`,
      {
        location: { file },
      },
    );
  }
  if (String(kind).endsWith('List')) return;
  const md = doc.metadata;
  const name = isYamlMap(md) ? md.name : undefined;
  if (name === undefined || name === null || name === '') {
    throw new KustomizeError(
      'InvalidResource',
      `${file}: missing metadata.name in object ${briefJson(doc)}`,
      { location: { file, object: String(kind) } },
    );
  }
}

function briefJson(doc: YamlMap): string {
  const text = JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function findNilInList(value: YamlValue, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as YamlValue;
      if (item === null) return `${path}[${i}]`;
      const found = findNilInList(item, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (isYamlMap(value)) {
    for (const [k, v] of Object.entries(value)) {
      const found = findNilInList(v, path === '' ? k : `${path}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Keeps non-empty mapping documents, checking kind/name and that no list has a null item. */
function dropBadDocuments(docs: YamlValue[], file: string): YamlMap[] {
  const out: YamlMap[] = [];
  for (const doc of docs) {
    if (doc === null || doc === undefined) continue;
    if (!isYamlMap(doc)) {
      throw new KustomizeError(
        'InvalidResource',
        `${file}: a resource document must be a mapping`,
        {
          location: { file },
        },
      );
    }
    if (Object.keys(doc).length === 0) continue;
    validateDocument(doc, file);
    const nil = findNilInList(doc, '');
    if (nil !== undefined) {
      throw new KustomizeError('InvalidResource', `${file}: empty item at ${nil} in object`, {
        location: { file, field: nil },
      });
    }
    out.push(doc);
  }
  return out;
}

/**
 * Objects from already-parsed documents, with kustomize's `*List` expansion: a document whose
 * kind ends in `List` is replaced by its `items`, which go to the end of the list.
 */
export function objectsFromDocuments(docs: YamlValue[], file: string): YamlMap[] {
  const queue = dropBadDocuments(docs, file);
  const result: YamlMap[] = [];
  for (let i = 0; i < queue.length; i++) {
    const doc = queue[i] as YamlMap;
    const kind = String(doc.kind);
    // A `*List` kind without an `items` field is an ordinary resource (kustomize#5042, #5485).
    if (!kind.endsWith('List') || !Object.hasOwn(doc, 'items')) {
      result.push(doc);
      continue;
    }
    const items = doc.items;
    if (items === undefined || items === null) continue;
    if (!Array.isArray(items)) {
      throw new KustomizeError(
        'InvalidResource',
        `${file}: expected array in ${kind}/items, but found ${typeof items}`,
        { location: { file, field: 'items' } },
      );
    }
    queue.push(...dropBadDocuments(items, file));
  }
  return result;
}

/**
 * Reads the resources in a YAML stream (kustomize `resmap.Factory.NewResMapFromBytes`):
 * documents parsed with yaml.v3 semantics, empty ones skipped, `*List` kinds expanded.
 */
export function resourcesFromText(
  text: string,
  file: string,
  origin?: ResourceOrigin,
): KResource[] {
  const docs = parseResourceYaml(text, file);
  return objectsFromDocuments(docs, file).map((o) => new KResource(o, origin && { ...origin }));
}
