import { describe, expect, it } from 'vitest';
import { GitSourceError, gitTransport } from '../src/index.js';

describe('gitTransport', () => {
  it('accepts https, http and file URLs', () => {
    expect(gitTransport('https://github.com/org/repo')).toBe('http');
    expect(gitTransport('HTTP://127.0.0.1:8080/repo.git')).toBe('http');
    expect(gitTransport('file:///srv/git/repo.git')).toBe('file');
  });

  it.each([
    'git@github.com:org/repo',
    'ssh://git@bitbucket.org/company/project.git',
    'org-12345@github.com:kubernetes-sigs/kustomize',
    'git://example.com/repo.git',
  ])('refuses %s, naming what is supported', (url) => {
    let error: unknown;
    try {
      gitTransport(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GitSourceError);
    expect((error as GitSourceError).code).toBe('UnsupportedProtocol');
    expect((error as GitSourceError).message).toContain('https://, http:// and file://');
    expect((error as GitSourceError).data).toEqual({ url });
  });
});
