import { DriftDiffError } from './errors.js';

type Requirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'absent'; key: string };

/** A compiled Kubernetes label-selector expression. */
export type LabelMatcher = (labels: Readonly<Record<string, string>>) => boolean;

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function parseRequirement(part: string, source: string): Requirement {
  let m = /^([^\s!=(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
  if (m) {
    const values = (m[3] ?? '').split(',').map((v) => v.trim());
    return { op: m[2] === 'in' ? 'in' : 'notin', key: m[1] ?? '', values };
  }
  m = /^([^\s!=(),]+)\s*(==|!=|=)\s*([^\s!=(),]*)$/.exec(part);
  if (m) return { op: m[2] === '!=' ? 'neq' : 'eq', key: m[1] ?? '', value: m[3] ?? '' };
  m = /^(!?)\s*([^\s!=(),]+)$/.exec(part);
  if (m) return { op: m[1] === '!' ? 'absent' : 'exists', key: m[2] ?? '' };
  throw new DriftDiffError(
    'InvalidSelector',
    `invalid selector requirement '${part}' in '${source}'`,
    {
      data: { selector: source },
    },
  );
}

/**
 * Compiles a label-selector expression (`app=web,tier!=db,env in (a,b),!legacy`) into a
 * matcher over a label (or annotation) map. Throws `InvalidSelector` on bad syntax.
 *
 * @example
 * ```ts
 * compileLabelSelector('app in (web,api)')({ app: 'web' }); // true
 * ```
 */
export function compileLabelSelector(expression: string): LabelMatcher {
  const reqs = splitTopLevel(expression).map((p) => parseRequirement(p, expression));
  return (labels) =>
    reqs.every((r) => {
      const has = Object.hasOwn(labels, r.key);
      const v = labels[r.key];
      switch (r.op) {
        case 'eq':
          return v === r.value;
        case 'neq':
          return v !== r.value;
        case 'in':
          return has && r.values.includes(v as string);
        case 'notin':
          return !has || !r.values.includes(v as string);
        case 'exists':
          return has;
        case 'absent':
          return !has;
      }
    });
}
