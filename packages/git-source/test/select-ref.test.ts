import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  authHeaders,
  formatRevision,
  GitSourceError,
  selectRef,
  selectSemverTag,
  writeTar,
} from '../src/index.js';

describe('selectRef', () => {
  it('applies commit > name > semver > tag > branch, defaulting to master', () => {
    const full = { branch: 'b', tag: 't', semver: '1.x', name: 'refs/x', commit: 'ABC' };
    expect(selectRef(full)).toEqual({ kind: 'commit', commit: 'abc', branch: 'b' });
    expect(selectRef({ ...full, commit: undefined })).toEqual({ kind: 'name', name: 'refs/x' });
    expect(selectRef({ branch: 'b', tag: 't', semver: '1.x' }).kind).toBe('semver');
    expect(selectRef({ branch: 'b', tag: 't' }).kind).toBe('tag');
    expect(selectRef({})).toEqual({ kind: 'branch', branch: 'master' });
    expect(formatRevision(undefined, 'a')).toBe('sha1:a');
  });
});

describe('selectSemverTag', () => {
  const tags = ['v1.0.0', '1.1.0', 'v1.2.0-rc.1', 'v2.0.0', 'latest', 'v1.1'].map((tag, i) => ({
    tag,
    commit: String(i),
  }));

  it('picks the highest match, excluding pre-releases unless the range names one', () => {
    expect(selectSemverTag('>=1.0.0 <2.0.0', tags)?.tag).toBe('1.1.0');
    expect(selectSemverTag('>=1.2.0-rc.0 <2.0.0', tags)?.tag).toBe('v1.2.0-rc.1');
    expect(selectSemverTag('^3', tags)).toBeUndefined();
    expect(() => selectSemverTag('not a range', tags)).toThrow(TypeError);
  });

  it('breaks ties between equal versions by commit time', () => {
    const tie = [
      { tag: 'v1.0.0', commit: 'a', time: 2 },
      { tag: '1.0.0', commit: 'b', time: 5 },
    ];
    expect(selectSemverTag('1.x', tie)?.commit).toBe('b');
  });
});

describe('authHeaders', () => {
  it('reads basic and bearer credentials; stringData wins over data', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    expect(authHeaders({ data: { username: b64('u'), password: b64('p') } })).toEqual({
      authorization: `Basic ${b64('u:p')}`,
    });
    expect(
      authHeaders({ data: { bearerToken: b64('x') }, stringData: { bearerToken: 'y' } }),
    ).toEqual({ authorization: 'Bearer y' });
    expect(authHeaders(undefined)).toEqual({});
  });

  it('rejects half a basic pair without echoing values', () => {
    try {
      authHeaders({ stringData: { password: 'hunter2' } });
      expect.unreachable();
    } catch (e) {
      expect((e as GitSourceError).code).toBe('InvalidSecret');
      expect(String(e)).not.toContain('hunter2');
    }
  });
});

describe('writeTar', () => {
  it('is deterministic and block-aligned', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,120}$/), fc.uint8Array()), {
          maxLength: 4,
        }),
        (files) => {
          const entries = files.map(([path, content]) => ({
            path,
            type: 'file' as const,
            mode: 0o600,
            content,
          }));
          const tar = writeTar(entries);
          expect(tar.length % 512).toBe(0);
          expect(writeTar(entries)).toEqual(tar);
        },
      ),
    );
  });
});
