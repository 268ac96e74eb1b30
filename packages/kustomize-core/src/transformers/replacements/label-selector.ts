/**
 * Kubernetes label-selector syntax (`k8s.io/apimachinery/pkg/labels` `Parse`), as kustomize's
 * `labelSelector` / `annotationSelector` use it: `a=b`, `a==b`, `a!=b`, `a in (x,y)`,
 * `a notin (x)`, `a`, `!a`, `a>1`, `a<1`, comma = AND. Lexer, parser, validation and error
 * messages follow apimachinery.
 *
 * @module
 */
import { KustomizeError } from '../../errors.js';
import { goQuote, labelValueErrors, qualifiedNameErrors } from './label-validation.js';

type Tok =
  | 'error'
  | 'eos'
  | ')'
  | ','
  | '!'
  | '=='
  | '='
  | '>'
  | 'ident'
  | 'in'
  | '<'
  | '!='
  | 'notin'
  | '(';

interface Item {
  tok: Tok;
  lit: string;
}

const KEYWORDS: Record<string, Tok> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};

const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string): boolean => '=!(),><'.includes(c) && c !== '';

/** Splits a selector into apimachinery's tokens (ending with `eos`). */
function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos] as string)) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    if (isSpecial(s[pos] as string)) {
      let buf = '';
      let last: Item | undefined;
      while (pos < s.length && isSpecial(s[pos] as string)) {
        buf += s[pos];
        const t = Object.hasOwn(KEYWORDS, buf) ? KEYWORDS[buf] : undefined;
        if (t) last = { tok: t, lit: buf };
        else if (last) break;
        pos++;
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` });
      continue;
    }
    let buf = '';
    while (pos < s.length && !isSpecial(s[pos] as string) && !isWhitespace(s[pos] as string)) {
      buf += s[pos];
      pos++;
    }
    const kw = Object.hasOwn(KEYWORDS, buf) ? KEYWORDS[buf] : undefined;
    items.push({ tok: kw ?? 'ident', lit: buf });
  }
}

type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

class Parser {
  private pos = 0;
  constructor(private readonly items: Item[]) {}

  /** The next token; in the values context `in`/`notin` count as identifiers. */
  private peek(values: boolean): Item {
    const it = this.items[this.pos] as Item;
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'ident', lit: it.lit } : it;
  }

  private next(values: boolean): Item {
    const it = this.peek(values);
    this.pos++;
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.peek(true);
      if (tok === 'ident' || tok === '!') {
        let r: Requirement;
        try {
          r = this.requirement();
        } catch (e) {
          throw new Error(`unable to parse requirement: ${(e as Error).message}`);
        }
        reqs.push(r);
        const t = this.next(true);
        if (t.tok === 'eos') return reqs;
        if (t.tok === ',') {
          const t2 = this.peek(true);
          if (t2.tok !== 'ident' && t2.tok !== '!') {
            throw new Error(`found '${t2.lit}', expected: identifier after ','`);
          }
          continue;
        }
        throw new Error(`found '${t.lit}', expected: ',' or 'end of string'`);
      }
      if (tok === 'eos') return reqs;
      throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
    }
  }

  private requirement(): Requirement {
    let op: Operator | undefined;
    let t = this.next(true);
    if (t.tok === '!') {
      op = '!';
      t = this.next(true);
    }
    if (t.tok !== 'ident') throw new Error(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const keyErrs = qualifiedNameErrors(key);
    if (keyErrs.length > 0)
      throw new Error(`invalid label key ${goQuote(key)}: ${keyErrs.join('; ')}`);
    const la = this.peek(true).tok;
    if (la === 'eos' || la === ',') op = op ?? 'exists';
    if (op === 'exists' || op === '!') return newRequirement(key, op, []);
    const opTok = this.next(false);
    const binary: Partial<Record<Tok, Operator>> = {
      in: 'in',
      '=': '=',
      '==': '==',
      '>': 'gt',
      '<': 'lt',
      notin: 'notin',
      '!=': '!=',
    };
    const bop = binary[opTok.tok];
    if (bop === undefined) {
      throw new Error(`found '${opTok.lit}', expected: '=', '!=', '==', 'in', notin'`);
    }
    const values = bop === 'in' || bop === 'notin' ? this.valueSet() : this.exactValue();
    return newRequirement(key, bop, [...values].sort());
  }

  private valueSet(): Set<string> {
    const open = this.next(true);
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.peek(true);
    if (tok === 'ident' || tok === ',') {
      const s = this.identifierList();
      if (this.next(true).tok !== ')') throw new Error(`found '${lit}', expected: ')'`);
      return s;
    }
    if (tok === ')') {
      this.next(true);
      return new Set(['']);
    }
    throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
  }

  private identifierList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.next(true);
      if (tok === 'ident') {
        s.add(lit);
        const t2 = this.peek(true);
        if (t2.tok === ',') continue;
        if (t2.tok === ')') return s;
        throw new Error(`found '${t2.lit}', expected: ',' or ')'`);
      }
      if (tok === ',') {
        if (s.size === 0) s.add('');
        const t2 = this.peek(true).tok;
        if (t2 === ')') {
          s.add('');
          return s;
        }
        if (t2 === ',') {
          this.next(true);
          s.add('');
        }
        continue;
      }
      throw new Error(`found '${lit}', expected: ',', or identifier`);
    }
  }

  private exactValue(): Set<string> {
    const la = this.peek(true).tok;
    if (la === 'eos' || la === ',') return new Set(['']);
    const t = this.next(true);
    if (t.tok === 'ident') return new Set([t.lit]);
    throw new Error(`found '${t.lit}', expected: identifier`);
  }
}

const INT64 = /^[+-]?[0-9]+$/;

function parseInt64(s: string): bigint | undefined {
  if (!INT64.test(s)) return undefined;
  const v = BigInt(s);
  return v >= -(1n << 63n) && v < 1n << 63n ? v : undefined;
}

/** apimachinery `NewRequirement`: validates the operator's values and the label values. */
function newRequirement(key: string, op: Operator, values: string[]): Requirement {
  if ((op === 'in' || op === 'notin') && values.length === 0) {
    throw new Error("for 'in', 'notin' operators, values set can't be empty");
  }
  if (op === 'gt' || op === 'lt') {
    if (values.length !== 1)
      throw new Error("for 'Gt', 'Lt' operators, exactly one value is required");
    if (parseInt64(values[0] as string) === undefined) {
      throw new Error("for 'Gt', 'Lt' operators, the value must be an integer");
    }
  }
  for (const v of values) {
    const errs = labelValueErrors(v);
    if (errs.length > 0) {
      throw new Error(
        `invalid label value: ${goQuote(v)}: at key: ${goQuote(key)}: ${errs.join('; ')}`,
      );
    }
  }
  return { key, op, values };
}

function matches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = has ? (labels[r.key] as string) : '';
  switch (r.op) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has) return false;
      const lv = parseInt64(value);
      const rv = parseInt64(r.values[0] as string);
      if (lv === undefined || rv === undefined) return false;
      return r.op === 'gt' ? lv > rv : lv < rv;
    }
  }
}

/** A parsed label selector: true when a label (or annotation) map satisfies every requirement. */
export type LabelSelectorMatcher = (labels: Record<string, string>) => boolean;

/**
 * Parses a Kubernetes label selector (`a=b,c in (x,y),!d`). The empty selector matches
 * everything. Throws a {@link KustomizeError} with code `InvalidSelector` and apimachinery's
 * message (e.g. `unable to parse requirement: found 'b', expected: '=', '!=', '==', 'in', notin'`).
 *
 * @example
 * ```ts
 * const m = parseLabelSelector('app=web,tier notin (db)');
 * m({ app: 'web', tier: 'front' }); // true
 * ```
 */
export function parseLabelSelector(text: string): LabelSelectorMatcher {
  let reqs: Requirement[];
  try {
    reqs = new Parser(lex(text)).parse();
  } catch (e) {
    throw new KustomizeError('InvalidSelector', (e as Error).message, { data: { selector: text } });
  }
  return (labels) => reqs.every((r) => matches(r, labels));
}
