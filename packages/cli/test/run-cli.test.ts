import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
const example = join(repoRoot, 'examples/flux-quickstart');

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: repoRoot,
  });
  return { code, stdout, stderr };
}

describe('kustomate build', () => {
  it('prints what kubectl kustomize prints for the quick-start overlays', async () => {
    for (const dir of ['apps/my-app/overlays/production', 'apps/my-app/overlays/staging']) {
      const { code, stdout, stderr } = await run(['build', join('examples/flux-quickstart', dir)]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const expected = readFileSync(
        join(example, 'expected', `${dir.replaceAll('/', '_')}.yaml`),
        'utf8',
      );
      expect(stdout).toBe(expected);
    }
  });

  it('writes to a file with -o', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kustomate-cli-')), 'out.yaml');
    const { code, stdout } = await run([
      'build',
      'examples/flux-quickstart/infrastructure/redis',
      '-o',
      out,
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(
      readFileSync(join(example, 'expected/infrastructure_redis.yaml'), 'utf8'),
    );
  });

  it('fails with one Error line naming the directory and nothing on stdout', async () => {
    const { code, stdout, stderr } = await run(['build', 'examples/does-not-exist']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Error: .*does-not-exist.*\n$/);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it('rejects an unknown load restrictor and unknown commands', async () => {
    const bad = await run(['build', '.', '--load-restrictor', 'Nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('invalid --load-restrictor "Nope"');
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('prints deprecation warnings on stderr like kustomize', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kustomate-cli-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'kustomization.yaml'), 'commonLabels: {a: b}\nresources: [cm.yaml]\n');
    writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    const { code, stdout, stderr } = await run(['build', dir]);
    expect(code).toBe(0);
    expect(stderr).toBe(
      "# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. Run 'kustomize edit fix' to update your Kustomization automatically.\n",
    );
    expect(stdout).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    a: b\n  name: c\n',
    );
  });
});
