import { describe, expect, it } from 'vitest';
import { createSourceIgnore } from '../src/index.js';

describe('createSourceIgnore', () => {
  it('applies VCS patterns always and the default list only without other patterns', () => {
    const defaults = createSourceIgnore({});
    expect(defaults('.git/config', false)).toBe(true);
    expect(defaults('a/.gitignore', false)).toBe(true);
    expect(defaults('img/logo.png', false)).toBe(true);
    expect(defaults('.github/workflows/ci.yaml', false)).toBe(true);
    expect(defaults('deep/.sops.yaml', false)).toBe(true);
    expect(defaults('app/cm.yaml', false)).toBe(false);

    const custom = createSourceIgnore({ ignore: '*.md\n' });
    expect(custom('img/logo.png', false)).toBe(false);
    expect(custom('README.md', false)).toBe(true);
    expect(custom('.gitmodules', false)).toBe(true);

    const commentsOnly = createSourceIgnore({ files: [{ dir: '', text: '# nothing\n\n' }] });
    expect(commentsOnly('logo.png', false)).toBe(true);
  });

  it('scopes .sourceignore files to their directory and lets later rules re-include', () => {
    const excluded = createSourceIgnore({
      files: [
        { dir: 'sub', text: '/local.yaml\n!keep.md\n' },
        { dir: '', text: '*.md\n' },
      ],
      ignore: 'build/\n',
    });
    expect(excluded('local.yaml', false)).toBe(false);
    expect(excluded('sub/local.yaml', false)).toBe(true);
    expect(excluded('sub/x/local.yaml', false)).toBe(false);
    expect(excluded('docs/a.md', false)).toBe(true);
    expect(excluded('sub/keep.md', false)).toBe(false);
    expect(excluded('build/out.yaml', false)).toBe(true);
    expect(excluded('sub/build/out.yaml', false)).toBe(true);
  });
});
