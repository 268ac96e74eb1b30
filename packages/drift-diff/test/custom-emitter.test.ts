import { describe, expect, it } from 'vitest';
import { diffObjects } from '../src/index.js';

const desired = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cfg', namespace: 'default' },
  data: { mode: 'fast' },
};
const live = { ...desired, data: { mode: 'slow' } };

describe('diffObjects emit option', () => {
  it('renders both sides of the unified diff with the given emitter', () => {
    const seen: unknown[] = [];
    const result = diffObjects(desired, live, {
      emit: (value) => {
        seen.push(value);
        return `${JSON.stringify(value)}\n`;
      },
    });
    expect(result.action).toBe('update');
    expect(seen).toHaveLength(2);
    expect(result.unified).toContain('-{"data":{"mode":"slow"}');
    expect(result.unified).toContain('+{"data":{"mode":"fast"}');
  });
});
