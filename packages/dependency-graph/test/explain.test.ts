import { describe, expect, it } from 'vitest';
import { explain } from '../src/index.js';

describe('explain', () => {
  const units = [
    { namespace: 'flux-system', name: 'apps', dependsOn: [{ name: 'infra' }, { name: 'ghost' }] },
    { namespace: 'flux-system', name: 'infra' },
    { namespace: 'flux-system', name: 'monitoring' },
  ];

  it('renders stages as text', () => {
    expect(explain(units).text).toMatchInlineSnapshot(`
      "stage 1
        flux-system/infra
        flux-system/monitoring
      stage 2
        flux-system/apps (after flux-system/infra; missing flux-system/ghost)"
    `);
  });

  it('renders stages as a Mermaid flowchart', () => {
    expect(explain(units).mermaid).toMatchInlineSnapshot(`
      "flowchart LR
        subgraph stage1["stage 1"]
          u0["flux-system/infra"]
          u1["flux-system/monitoring"]
        end
        subgraph stage2["stage 2"]
          u2["flux-system/apps"]
        end
        u0 --> u2
        m0["flux-system/ghost (missing)"]:::missing -.-> u2
        classDef missing stroke-dasharray: 5 5"
    `);
  });

  it('renders cycles and what they block instead of throwing', () => {
    const { text, mermaid } = explain([
      { name: 'a', dependsOn: [{ name: 'b' }] },
      { name: 'b', dependsOn: [{ name: 'a' }] },
      { name: 'c', dependsOn: [{ name: 'a' }] },
      { name: 'd' },
    ]);
    expect(text).toMatchInlineSnapshot(`
      "stage 1
        d
      cycles
        a -> b -> a
      blocked
        a (after b)
        b (after a)
        c (after a)"
    `);
    expect(mermaid).toContain('classDef cycle');
    expect(mermaid).toMatch(/class u\d+,u\d+ cycle/);
  });
});
