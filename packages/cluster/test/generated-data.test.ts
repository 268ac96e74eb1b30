import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { generate, outDir } from '../../../scripts/gen-cluster-schema.mjs';

describe('generated cluster schema data', () => {
  it('matches what scripts/gen-cluster-schema.mjs makes from ../shared/kustomize-data', async () => {
    const files = (await generate()) as Record<string, string>;
    expect(Object.keys(files).sort()).toEqual(['list-types.ts', 'resources.ts']);
    for (const [name, content] of Object.entries(files))
      expect(
        readFileSync(join(outDir as string, name), 'utf8'),
        `${name} is stale: run node scripts/gen-cluster-schema.mjs`,
      ).toBe(content);
  });
});
