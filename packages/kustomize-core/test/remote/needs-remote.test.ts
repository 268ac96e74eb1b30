import { describe, expect, it } from 'vitest';
import { createMemoryFs } from '@kustomate/vfs';
import { build, createMemoryRemoteLoader, parseRemoteSpec } from '../../src/index.js';
import { requestKey } from '../../src/target/remote/needs-remote.js';

const repo = (url: string) => ({ kind: 'repo' as const, spec: parseRemoteSpec(url) });

describe('requestKey', () => {
  it('is one key per clone URL and ref, whatever the path, timeout or version spelling', () => {
    expect(requestKey(repo('github.com/org/repo//a?ref=v1'))).toBe(
      requestKey(repo('https://github.com/org/repo//b?version=v1&timeout=5s')),
    );
    expect(requestKey(repo('github.com/org/repo?ref=v1'))).not.toBe(
      requestKey(repo('github.com/org/repo?ref=v2')),
    );
  });

  it('keeps checkouts without submodules apart from checkouts with them', () => {
    expect(requestKey(repo('github.com/org/repo?ref=v1&submodules=false'))).not.toBe(
      requestKey(repo('github.com/org/repo?ref=v1')),
    );
    expect(requestKey(repo('github.com/org/repo?ref=v1&submodules=true'))).toBe(
      requestKey(repo('github.com/org/repo?ref=v1')),
    );
  });

  it('makes a build fetch the repository once per submodule setting', async () => {
    const remote = createMemoryRemoteLoader({
      repos: {
        'https://github.com/org/repo': {
          v1: {
            'a/kustomization.yaml': 'namePrefix: a-\nresources: [cm.yaml]\n',
            'a/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
            'b/kustomization.yaml': 'namePrefix: b-\nresources: [cm.yaml]\n',
            'b/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
          },
        },
      },
    });
    const fs = createMemoryFs({
      '/app/kustomization.yaml':
        'resources:\n- github.com/org/repo//a?ref=v1\n- github.com/org/repo//b?ref=v1&submodules=false\n',
    });
    await build({ fs, path: '/app', remote });
    expect(remote.calls).toEqual([
      'repo https://github.com/org/repo@v1',
      'repo https://github.com/org/repo@v1',
    ]);
  });
});
