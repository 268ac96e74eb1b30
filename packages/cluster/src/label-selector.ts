import { ClusterError } from './cluster-error.js';

/** One parsed requirement of a label selector. */
export interface LabelRequirement {
  key: string;
  operator: 'in' | 'notin' | 'exists' | '!exists';
  values: string[];
}

/**
 * Parses a label selector in kubectl syntax (`a=b`, `a==b`, `a!=b`, `a in (x,y)`,
 * `a notin (x)`, `a`, `!a`, comma-separated). Throws `Invalid` on a malformed selector.
 *
 * @example
 * ```ts
 * parseLabelSelector('app=web,tier in (fe,be),!legacy');
 * ```
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const out: LabelRequirement[] = [];
  const parts = selector.match(/(?:[^,(]|\([^)]*\))+/g) ?? [];
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(part))) {
      const [, key = '', op, value = ''] = m;
      out.push({ key, operator: op === '!=' ? 'notin' : 'in', values: [value] });
    } else if ((m = /^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part))) {
      const [, key = '', op, list = ''] = m;
      const values = list.split(',').map((v) => v.trim());
      out.push({ key, operator: op === 'in' ? 'in' : 'notin', values });
    } else if ((m = /^(!?)([\w./-]+)$/.exec(part))) {
      out.push({ key: m[2] ?? '', operator: m[1] ? '!exists' : 'exists', values: [] });
    } else {
      throw new ClusterError('Invalid', `unable to parse requirement: "${part}"`, {
        field: 'labelSelector',
      });
    }
  }
  return out;
}

/**
 * True when `labels` satisfy every requirement of `selector` (a string or parsed requirements).
 *
 * @example
 * ```ts
 * matchesLabels({ app: 'web' }, 'app=web'); // true
 * ```
 */
export function matchesLabels(
  labels: Readonly<Record<string, unknown>> | undefined,
  selector: string | readonly LabelRequirement[],
): boolean {
  const requirements = typeof selector === 'string' ? parseLabelSelector(selector) : selector;
  return requirements.every((r) => {
    const value = labels?.[r.key];
    const has = typeof value === 'string';
    switch (r.operator) {
      case 'exists':
        return has;
      case '!exists':
        return !has;
      case 'in':
        return has && r.values.includes(value);
      case 'notin':
        return !has || !r.values.includes(value);
    }
  });
}
