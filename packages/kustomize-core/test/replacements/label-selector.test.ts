import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { parseLabelSelector } from '../../src/transformers/replacements/label-selector.js';

const labels = { app: 'web', tier: 'front', n: '5', 'x.io/a': '1', empty: '' };

describe('parseLabelSelector: matching', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['app=web', true],
    ['app==web', true],
    ['app=db', false],
    ['app!=db', true],
    ['missing!=db', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app in (web,db)', true],
    ['app in (db)', false],
    ['missing in (db)', false],
    ['app notin (db)', true],
    ['missing notin (db)', true],
    ['app notin (web)', false],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['n>4', true],
    ['n>5', false],
    ['n<6', true],
    ['app>1', false],
    ['x.io/a=1', true],
    ['empty=', true],
    ['empty in ()', true],
    ['x notin (a,)', true],
    ['in=x', false],
    ['app in (in)', false],
    ['app in (x),tier notin (y),!c', false],
    ['app in (web),tier notin (y),!c', true],
  ])('%j → %s', (sel, want) => {
    expect(parseLabelSelector(sel)(labels)).toBe(want);
  });
});

describe('parseLabelSelector: errors (messages from kubectl kustomize v5.5.0)', () => {
  const qname =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  const labelValue =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  it.each([
    ['a b', "unable to parse requirement: found 'b', expected: '=', '!=', '==', 'in', notin'"],
    ['x in (a,b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!a,', "found '', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['a,,b', "found ',', expected: identifier after ','"],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a!b', "unable to parse requirement: found '!', expected: '=', '!=', '==', 'in', notin'"],
    ['a=(b)', "unable to parse requirement: found '(', expected: identifier"],
    ['a!=b c', "found 'c', expected: ',' or 'end of string'"],
    ['-bad=1', `unable to parse requirement: invalid label key "-bad": name part ${qname}`],
    [
      'a=-bad',
      `unable to parse requirement: invalid label value: "-bad": at key: "a": ${labelValue}`,
    ],
    ['a=>1', "unable to parse requirement: found '>', expected: identifier"],
    ['a>x', "unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer"],
    ['a >', "unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer"],
    [
      'a/b/c=1',
      `unable to parse requirement: invalid label key "a/b/c": a qualified name ${qname} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    ['x in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ['(a)', "found '(', expected: !, identifier, or 'end of string'"],
    ['a==!', "unable to parse requirement: found '!', expected: identifier"],
    [
      `${'a'.repeat(71)}=1`,
      `unable to parse requirement: invalid label key "${'a'.repeat(71)}": name part must be no more than 63 characters`,
    ],
    [
      `a=${'b'.repeat(82)}`,
      `unable to parse requirement: invalid label value: "${'b'.repeat(82)}": at key: "a": must be no more than 63 characters`,
    ],
    ['a!', "unable to parse requirement: found '!', expected: '=', '!=', '==', 'in', notin'"],
    ['!a=1', "found '=', expected: ',' or 'end of string'"],
  ])('%j', (sel, message) => {
    let err: unknown;
    try {
      parseLabelSelector(sel);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KustomizeError);
    expect((err as KustomizeError).code).toBe('InvalidSelector');
    expect((err as KustomizeError).message).toBe(message);
  });
});
