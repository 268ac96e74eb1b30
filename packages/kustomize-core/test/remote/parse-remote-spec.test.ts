import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMOTE_TIMEOUT_MS,
  KustomizeError,
  parseRemoteSpec,
  tryParseRemoteSpec,
} from '../../src/index.js';
import { remoteOriginPath } from '../../src/target/remote/parse-remote-spec.js';

// Facts from kustomize v5.5 api/internal/git/repospec_test.go.

describe('parseRemoteSpec: every host form × repo × path × ref (TestNewRepoSpecFromUrl_Permute)', () => {
  const hosts: [raw: string, normalized: string][] = [
    ['gitHub.com/', 'https://github.com/'],
    ['github.com:', 'https://github.com/'],
    ['http://github.com/', 'https://github.com/'],
    ['https://github.com/', 'https://github.com/'],
    ['hTTps://github.com/', 'https://github.com/'],
    [
      'https://git-codecommit.us-east-2.amazonaws.com/',
      'https://git-codecommit.us-east-2.amazonaws.com/',
    ],
    ['https://fabrikops2.visualstudio.com/', 'https://fabrikops2.visualstudio.com/'],
    ['ssh://git.example.com:7999/', 'ssh://git.example.com:7999/'],
    ['git::https://gitlab.com/', 'https://gitlab.com/'],
    ['git::http://git.example.com/', 'http://git.example.com/'],
    ['git::https://git.example.com/', 'https://git.example.com/'],
    ['git@github.com:', 'git@github.com:'],
    ['git@github.com/', 'git@github.com:'],
    ['git::git@github.com:', 'git@github.com:'],
    ['org-12345@github.com:', 'org-12345@github.com:'],
    ['org-12345@github.com/', 'org-12345@github.com:'],
  ];
  const repoPaths = ['someOrg/someRepo', 'kubernetes/website'];
  const pathNames = ['README.md', 'foo/krusty.txt', ''];
  const refs = ['group/version', 'someBranch', 'master', 'v0.1.0', ''];
  for (const [raw, host] of hosts) {
    it(`parses ${raw}…`, () => {
      for (const repoPath of repoPaths) {
        for (const pathName of pathNames) {
          for (const ref of refs) {
            const url = `${raw}${pathName ? `${repoPath}/${pathName}` : repoPath}${ref ? `?ref=${ref}` : ''}`;
            const spec = parseRemoteSpec(url);
            expect({ url, ...pick(spec) }).toEqual({
              url,
              host,
              repoPath,
              kustRootPath: pathName,
              ref,
            });
          }
        }
      }
    });
  }
});

function pick(spec: ReturnType<typeof parseRemoteSpec>) {
  return {
    host: spec.host,
    repoPath: spec.repoPath,
    kustRootPath: spec.kustRootPath,
    ref: spec.ref,
  };
}

describe('parseRemoteSpec errors (TestNewRepoSpecFromUrlErrors)', () => {
  const bad: [url: string, reason: string][] = [
    ['/tmp', 'uri looks like abs path'],
    ['../../tmp', 'failed to parse scheme'],
    ['src/github.com/org/repo/path', 'failed to parse scheme'],
    ['iauhsdiuashduas', 'failed to parse scheme'],
    ['htxxxtp://github.com/', 'failed to parse scheme'],
    ['ssh://git.example.com', 'failed to parse repo path segment'],
    ['git::___', 'failed to parse scheme'],
    ['https://host?ref=group/version/minor_version', 'failed to parse repo path segment'],
    ['https://github.com/org/repo.git//path/../../exits/repo', 'url path exits repo'],
    ['github.com!org/repo.git//path', 'failed to parse scheme'],
    ['gh:org/repo', 'failed to parse scheme'],
    ['https://github.com/thisisa404.yaml', 'failed to parse repo path segment'],
    ['file:////tmp//path/to/whatever', 'failed to parse repo path segment'],
    ['git@scp://github.com/org/repo.git//path', 'failed to parse repo path segment'],
    ['git@ssh://github.com/org/repo.git//path', 'failed to parse repo path segment'],
  ];
  it.each(bad)('%s: %s', (url, reason) => {
    const parsed = tryParseRemoteSpec(url);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
    let error: unknown;
    try {
      parseRemoteSpec(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KustomizeError);
    expect((error as KustomizeError).code).toBe('InvalidKustomization');
    expect((error as KustomizeError).message).toContain(reason);
  });
});

describe('parseRemoteSpec smoke cases (TestNewRepoSpecFromUrl_Smoke)', () => {
  const cases: [input: string, cloneUrl: string, kustRootPath: string, ref: string][] = [
    [
      'https://git-codecommit.us-east-2.amazonaws.com/someorg/somerepo/somedir',
      'https://git-codecommit.us-east-2.amazonaws.com/someorg/somerepo',
      'somedir',
      '',
    ],
    [
      'https://git-codecommit.us-east-2.amazonaws.com/someorg/somerepo/somedir?ref=testbranch',
      'https://git-codecommit.us-east-2.amazonaws.com/someorg/somerepo',
      'somedir',
      'testbranch',
    ],
    [
      'https://fabrikops2.visualstudio.com/someorg/somerepo?ref=master',
      'https://fabrikops2.visualstudio.com/someorg/somerepo',
      '',
      'master',
    ],
    [
      'http://github.com/someorg/somerepo/somedir',
      'https://github.com/someorg/somerepo',
      'somedir',
      '',
    ],
    ['git@github.com:someorg/somerepo/somedir', 'git@github.com:someorg/somerepo', 'somedir', ''],
    [
      'http://github.com/someorg/somerepo.git/somedir',
      'https://github.com/someorg/somerepo.git',
      'somedir',
      '',
    ],
    [
      'git@github.com:someorg/somerepo.git/somedir',
      'git@github.com:someorg/somerepo.git',
      'somedir',
      '',
    ],
    [
      'git@gitlab2.sqtools.ru:infra/kubernetes/thanos-base.git?ref=v0.1.0',
      'git@gitlab2.sqtools.ru:infra/kubernetes/thanos-base.git',
      '',
      'v0.1.0',
    ],
    [
      'git@bitbucket.org:company/project.git//path?ref=branch',
      'git@bitbucket.org:company/project.git',
      'path',
      'branch',
    ],
    [
      'git@bitbucket.org/company/project.git//path?ref=branch',
      'git@bitbucket.org/company/project.git',
      'path',
      'branch',
    ],
    [
      'ssh://git@bitbucket.org/company/project.git//path?ref=branch',
      'ssh://git@bitbucket.org/company/project.git',
      'path',
      'branch',
    ],
    [
      'https://itfs.mycompany.com/collection/project/_git/somerepos',
      'https://itfs.mycompany.com/collection/project/_git/somerepos',
      '',
      '',
    ],
    [
      'https://itfs.mycompany.com/collection/project/_git/somerepos?version=v1.0.0',
      'https://itfs.mycompany.com/collection/project/_git/somerepos',
      '',
      'v1.0.0',
    ],
    [
      'https://itfs.mycompany.com/collection/project/_git/somerepos/somedir?version=v1.0.0',
      'https://itfs.mycompany.com/collection/project/_git/somerepos',
      'somedir',
      'v1.0.0',
    ],
    [
      'git::https://itfs.mycompany.com/collection/project/_git/somerepos',
      'https://itfs.mycompany.com/collection/project/_git/somerepos',
      '',
      '',
    ],
    [
      'https://bitbucket.example.com/scm/project/repository.git',
      'https://bitbucket.example.com/scm/project/repository.git',
      '',
      '',
    ],
    [
      'ssh://git-codecommit.us-east-2.amazonaws.com/someorg/somerepo/somepath',
      'ssh://git-codecommit.us-east-2.amazonaws.com/someorg/somerepo',
      'somepath',
      '',
    ],
    ['git@github.com/someorg/somerepo/somepath', 'git@github.com:someorg/somerepo', 'somepath', ''],
    [
      'https://github.com/kubernetes-sigs/kustomize//examples/multibases/dev/?ref=v1.0.6',
      'https://github.com/kubernetes-sigs/kustomize',
      'examples/multibases/dev/',
      'v1.0.6',
    ],
    [
      'file://a/b/c/someRepo.git/somepath?ref=someBranch',
      'file://a/b/c/someRepo.git',
      'somepath',
      'someBranch',
    ],
    [
      'file://a/b/c/someRepo//somepath?ref=someBranch',
      'file://a/b/c/someRepo',
      'somepath',
      'someBranch',
    ],
    ['file://a/b/c/someRepo?ref=someBranch', 'file://a/b/c/someRepo', '', 'someBranch'],
    ['file:///a/b/c/someRepo?ref=someBranch', 'file:///a/b/c/someRepo', '', 'someBranch'],
    [
      'ssh://git@github.com/kubernetes-sigs/kustomize//examples/multibases/dev?ref=v1.0.6',
      'git@github.com:kubernetes-sigs/kustomize',
      'examples/multibases/dev',
      'v1.0.6',
    ],
    ['file:///a/b/c/someRepo', 'file:///a/b/c/someRepo', '', ''],
    ['file:///', 'file:///', '', ''],
    [
      'https://example.org/path/to/repo//examples/multibases/dev',
      'https://example.org/path/to/repo',
      'examples/multibases/dev',
      '',
    ],
    [
      'https://example.org/path/to/repo.git/examples/multibases/dev',
      'https://example.org/path/to/repo.git',
      'examples/multibases/dev',
      '',
    ],
    [
      'ssh://alice@example.com/path/to/repo//examples/multibases/dev',
      'ssh://alice@example.com/path/to/repo',
      'examples/multibases/dev',
      '',
    ],
    [
      'https://authority/org/repo?ref=group/version',
      'https://authority/org/repo',
      '',
      'group/version',
    ],
    [
      'https://authority/org/repo/?ref=includes_git/for_some_reason',
      'https://authority/org/repo',
      '',
      'includes_git/for_some_reason',
    ],
    [
      'https://authority/org/repo/?ref=includes.git/for_some_reason',
      'https://authority/org/repo',
      '',
      'includes.git/for_some_reason',
    ],
    [
      'https://authority/org/repo/%-invalid-uri-so-not-parsable-by-net/url.Parse',
      'https://authority/org/repo',
      '%-invalid-uri-so-not-parsable-by-net/url.Parse',
      '',
    ],
    [
      'ssh://myusername@bitbucket.org/ourteamname/ourrepositoryname.git//path?ref=branch',
      'ssh://myusername@bitbucket.org/ourteamname/ourrepositoryname.git',
      'path',
      'branch',
    ],
    [
      'file://git@home/path/to/repository.git//path?ref=branch',
      'file://git@home/path/to/repository.git',
      'path',
      'branch',
    ],
    [
      'http://git@home.com/path/to/repository.git//path?ref=branch',
      'http://git@home.com/path/to/repository.git',
      'path',
      'branch',
    ],
    [
      'ssh://git@ssh.github.com:443/YOUR-USERNAME/YOUR-REPOSITORY.git',
      'ssh://git@ssh.github.com:443/YOUR-USERNAME/YOUR-REPOSITORY.git',
      '',
      '',
    ],
    [
      'git@gitlab.com/user:name/YOUR-REPOSITORY.git/path',
      'git@gitlab.com/user:name/YOUR-REPOSITORY.git',
      'path',
      '',
    ],
    [
      'git@gitlab.com:gitlab-tests/sample-project',
      'git@gitlab.com:gitlab-tests/sample-project',
      '',
      '',
    ],
    [
      'https://username@dev.azure.com/org/project/_git/repo//path/to/kustomization/root',
      'https://username@dev.azure.com/org/project/_git/repo',
      'path/to/kustomization/root',
      '',
    ],
    [
      'https://org.visualstudio.com/project/_git/repo/path/to/kustomization/root',
      'https://org.visualstudio.com/project/_git/repo',
      'path/to/kustomization/root',
      '',
    ],
    [
      'ssh://org-12345@github.com/kubernetes-sigs/kustomize',
      'org-12345@github.com:kubernetes-sigs/kustomize',
      '',
      '',
    ],
    [
      'git@gist.github.com:bc7947cb727d7f9217e7862d961a1ffd.git',
      'git@gist.github.com:bc7947cb727d7f9217e7862d961a1ffd.git',
      '',
      '',
    ],
    [
      'https://gist.github.com/bc7947cb727d7f9217e7862d961a1ffd.git',
      'https://gist.github.com/bc7947cb727d7f9217e7862d961a1ffd.git',
      '',
      '',
    ],
  ];
  it.each(cases)('%s', (input, cloneUrl, kustRootPath, ref) => {
    const spec = parseRemoteSpec(input);
    expect({ cloneUrl: spec.cloneUrl, kustRootPath: spec.kustRootPath, ref: spec.ref }).toEqual({
      cloneUrl,
      kustRootPath,
      ref,
    });
    expect(spec.raw).toBe(input);
  });

  it('splits host and repo path as kustomize does', () => {
    expect(
      pick(
        parseRemoteSpec(
          'https://itfs.mycompany.com/collection/project/_git/somerepos/somedir?version=v1.0.0',
        ),
      ),
    ).toEqual({
      host: 'https://itfs.mycompany.com/',
      repoPath: 'collection/project/_git/somerepos',
      kustRootPath: 'somedir',
      ref: 'v1.0.0',
    });
    expect(pick(parseRemoteSpec('file:///a/b/c/someRepo'))).toEqual({
      host: 'file://',
      repoPath: '/a/b/c/someRepo',
      kustRootPath: '',
      ref: '',
    });
  });
});

describe('parseRemoteSpec query (TestParseQuery)', () => {
  const cases: [query: string, ref: string, submodules: boolean, timeoutMs: number][] = [
    ['', '', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['ref=v1.0.0', 'v1.0.0', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['ref=kustomize/v4.5.7', 'kustomize/v4.5.7', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['version=master', 'master', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['version=master&ref=v1.0.0', 'v1.0.0', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['version=master&submodules=', 'master', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['version=master&submodules=maybe', 'master', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['version=master&submodules=true', 'master', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['version=master&submodules=false', 'master', false, DEFAULT_REMOTE_TIMEOUT_MS],
    ['version=master&timeout=', 'master', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['version=master&timeout=jiffy', 'master', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['version=master&timeout=0', 'master', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['version=master&timeout=0s', 'master', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['version=master&timeout=61', 'master', true, 61_000],
    ['version=master&timeout=1m1s', 'master', true, 61_000],
    ['version=master&submodules=false&timeout=1m1s', 'master', false, 61_000],
    ['timeout=1.5h', '', true, 5_400_000],
    ['timeout=250ms&submodules=F', '', false, 250],
    ['ref=a%2Fb&submodules=0', 'a/b', false, DEFAULT_REMOTE_TIMEOUT_MS],
    // Go's url.ParseQuery fails on ';' and bad escapes: kustomize then uses every default.
    ['ref=v1;x', '', true, DEFAULT_REMOTE_TIMEOUT_MS],
    ['ref=v1&submodules=false&bad=%zz', '', true, DEFAULT_REMOTE_TIMEOUT_MS],
  ];
  it.each(cases)('?%s', (query, ref, submodules, timeoutMs) => {
    const spec = parseRemoteSpec(`https://github.com/org/repo${query ? `?${query}` : ''}`);
    expect({ ref: spec.ref, submodules: spec.submodules, timeoutMs: spec.timeoutMs }).toEqual({
      ref,
      submodules,
      timeoutMs,
    });
  });
});

describe('remoteOriginPath (kustomize Origin.Append)', () => {
  it('is the directory in the repo, or notCloned for the repo root', () => {
    expect(remoteOriginPath(parseRemoteSpec('github.com/org/repo//a/b/?ref=v1'))).toBe('a/b');
    expect(remoteOriginPath(parseRemoteSpec('github.com/org/repo?ref=v1'))).toBe('notCloned');
  });
});
