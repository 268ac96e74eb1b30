import { describe, expect, it } from 'vitest';
import { createMemoryRemoteLoader, parseRemoteSpec } from '../../src/index.js';

describe('createMemoryRemoteLoader', () => {
  const remote = createMemoryRemoteLoader({
    repos: {
      'https://github.com/org/repo': { v1: { 'base/kustomization.yaml': 'resources: []\n' } },
    },
    files: { 'https://example.com/cm.yaml': 'kind: ConfigMap\n' },
  });

  it('serves repositories by clone URL and ref, rooted at a directory', async () => {
    const { fs, root } = await remote.fetchRepo(
      parseRemoteSpec('github.com/org/repo//base?ref=v1'),
      {},
    );
    expect(fs.readDir(root)).toEqual(['base']);
    expect(new TextDecoder().decode(fs.readFile(`${root}/base/kustomization.yaml`))).toBe(
      'resources: []\n',
    );
    await expect(
      remote.fetchRepo(parseRemoteSpec('github.com/org/repo?ref=v2'), {}),
    ).rejects.toThrow("no repository https://github.com/org/repo at ref 'v2'");
  });

  it('serves files by URL and answers 404 otherwise', async () => {
    expect(
      new TextDecoder().decode(await remote.fetchFile('https://example.com/cm.yaml', {})),
    ).toBe('kind: ConfigMap\n');
    await expect(remote.fetchFile('https://example.com/nope.yaml', {})).rejects.toMatchObject({
      status: 404,
    });
  });

  it('records its calls and honours the signal', async () => {
    const signal = AbortSignal.abort(new Error('stop'));
    await expect(remote.fetchFile('https://example.com/cm.yaml', { signal })).rejects.toThrow(
      'stop',
    );
    expect(remote.calls).toEqual([
      'repo https://github.com/org/repo@v1',
      'repo https://github.com/org/repo@v2',
      'file https://example.com/cm.yaml',
      'file https://example.com/nope.yaml',
    ]);
  });
});
