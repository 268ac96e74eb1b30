import { isYamlMap, type YamlValue } from '@kustomate/resource';
import { goJsonString } from './go-json.js';

/** yaml.v3 node kinds. */
const MAPPING_NODE = 4;
const SEQUENCE_NODE = 2;
const SCALAR_NODE = 8;

/**
 * Go `json.Marshal` of the yaml.v3 `*yaml.Node` tree of `value`, which is what kustomize
 * hashes for kinds other than ConfigMap and Secret (reachable only when a patch changes the
 * kind of a generated object).
 *
 * Approximation: the real node also carries the style, line and column of every node (and
 * kustomize's internal build annotations), which this data model no longer has; here they
 * are all zero, so such names differ from kustomize's.
 */
export function encodeYamlNodeJson(value: YamlValue): string {
  if (Array.isArray(value)) {
    return node(SEQUENCE_NODE, '!!seq', '', `[${value.map(encodeYamlNodeJson).join(',')}]`);
  }
  if (isYamlMap(value)) {
    const content = Object.entries(value).flatMap(([k, v]) => [
      node(SCALAR_NODE, '!!str', k, 'null'),
      encodeYamlNodeJson(v),
    ]);
    return node(MAPPING_NODE, '!!map', '', `[${content.join(',')}]`);
  }
  if (value === null) return node(SCALAR_NODE, '!!null', 'null', 'null');
  if (typeof value === 'string') return node(SCALAR_NODE, '!!str', value, 'null');
  if (typeof value === 'boolean') return node(SCALAR_NODE, '!!bool', String(value), 'null');
  const tag = typeof value === 'bigint' || Number.isInteger(value) ? '!!int' : '!!float';
  return node(SCALAR_NODE, tag, String(value), 'null');
}

function node(kind: number, tag: string, text: string, content: string): string {
  return (
    `{"Kind":${kind},"Style":0,"Tag":${goJsonString(tag)},"Value":${goJsonString(text)},` +
    `"Anchor":"","Alias":null,"Content":${content},"HeadComment":"","LineComment":"",` +
    `"FootComment":"","Line":0,"Column":0}`
  );
}
