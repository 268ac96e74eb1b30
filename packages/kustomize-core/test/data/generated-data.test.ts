import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { generate, outDir } from '../../../../scripts/gen-kustomize-data.mjs';

describe('generated kustomize data', () => {
  it('matches what scripts/gen-kustomize-data.mjs makes from ../shared/kustomize-data', () => {
    const files = generate() as Record<string, string>;
    expect(Object.keys(files).sort()).toEqual([
      'builtin-definitions.ts',
      'constants.ts',
      'field-specs.ts',
      'merge-keys.ts',
      'namespace-scope.ts',
    ]);
    for (const [name, content] of Object.entries(files)) {
      expect(
        readFileSync(join(outDir as string, name), 'utf8'),
        `${name} is stale: run pnpm gen:data`,
      ).toBe(content);
    }
  });
});
