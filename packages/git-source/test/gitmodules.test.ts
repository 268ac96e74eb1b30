import { describe, expect, it } from 'vitest';
import { parseGitmodules, resolveSubmoduleUrl } from '../src/gitmodules.js';

describe('parseGitmodules', () => {
  it('reads submodule sections as git writes them', () => {
    expect(
      parseGitmodules(
        '[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = ../lib.git\n[submodule "deep"]\n\tpath = deep\n\turl = https://example.com/deep.git\n\tbranch = main\n',
      ),
    ).toEqual([
      { name: 'vendor/lib', path: 'vendor/lib', url: '../lib.git' },
      { name: 'deep', path: 'deep', url: 'https://example.com/deep.git' },
    ]);
  });

  it('handles comments, quotes, escapes, continuations, key case and repeated keys', () => {
    const text = [
      '# a comment',
      '; another',
      '[Submodule  "we\\"ird"] # trailing comment',
      '  PATH = "with  spaces" and more   ; comment',
      '  url = first',
      '  Url = ht\\',
      'tps://h/x.git',
      '  update = none',
      '[core]',
      '  path = ignored',
      '[submodule "partial"]',
      '  path = only-path',
      '[submodule "flag"]',
      '  path = p',
      '  url = "#not a comment;"',
      '  bare',
      '',
    ].join('\r\n');
    expect(parseGitmodules(text)).toEqual([
      { name: 'we"ird', path: 'with  spaces and more', url: 'https://h/x.git', update: 'none' },
      { name: 'flag', path: 'p', url: '#not a comment;' },
    ]);
  });

  it('merges repeated sections and lets the last value win', () => {
    expect(
      parseGitmodules('[submodule "a"]\npath = x\n[submodule "a"]\nurl = u\npath = y\n'),
    ).toEqual([{ name: 'a', path: 'y', url: 'u' }]);
  });

  it.each([
    ['[submodule "a"\npath = x\n', 'bad section header'],
    ['[submodule "a"]\npath = "x\n', 'unterminated quoted value'],
    ['[submodule "a"]\npath = x\\q\n', "bad escape '\\q'"],
    ['[submodule "a"]\n= x\n', 'bad line'],
    ['[submodule "a"]\npath x\n', "expected '=' after 'path'"],
  ])('rejects %j', (text, message) => {
    expect(() => parseGitmodules(text)).toThrow(message);
  });
});

describe('resolveSubmoduleUrl', () => {
  it.each([
    ['https://h/org/app.git', '../lib.git', 'https://h/org/lib.git'],
    ['https://h/org/app.git/', '../lib.git', 'https://h/org/lib.git'],
    ['https://h/org/app', './lib', 'https://h/org/app/lib'],
    ['https://h/org/app', '../../other/lib', 'https://h/other/lib'],
    ['http://127.0.0.1:8080/app.git', '.././lib.git', 'http://127.0.0.1:8080/lib.git'],
    ['file:///srv/git/app.git', '../lib.git', 'file:///srv/git/lib.git'],
    ['https://h/org/app', 'https://elsewhere/x.git', 'https://elsewhere/x.git'],
    ['https://h/org/app', '/srv/git/lib.git', 'file:///srv/git/lib.git'],
    ['https://h/org/app', 'git@github.com:org/lib', 'git@github.com:org/lib'],
  ])('resolves %s + %s', (base, url, expected) => {
    expect(resolveSubmoduleUrl(base, url)).toBe(expected);
  });

  it('refuses a relative URL that climbs above the host', () => {
    expect(() => resolveSubmoduleUrl('https://h/app', '../../x')).toThrow(
      "submodule URL '../../x' climbs above 'https://h/app'",
    );
  });
});
