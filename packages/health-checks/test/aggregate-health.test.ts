import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateHealth, type HealthStatus, type StatusResult } from '../src/index.js';

const statuses: HealthStatus[] = [
  'Current',
  'InProgress',
  'Failed',
  'Terminating',
  'NotFound',
  'Unknown',
];
const status = fc.constantFrom(...statuses);

describe('aggregateHealth', () => {
  it('follows kstatus’ aggregator on examples', () => {
    expect(aggregateHealth([])).toBe('Current');
    expect(aggregateHealth(['Current', 'Current'])).toBe('Current');
    expect(aggregateHealth(['Current', 'NotFound'])).toBe('InProgress');
    expect(aggregateHealth(['Unknown', 'InProgress'])).toBe('Unknown');
    expect(aggregateHealth(['Unknown', 'Failed'])).toBe('Failed');
    expect(aggregateHealth(['NotFound', 'NotFound'], 'NotFound')).toBe('NotFound');
  });

  it('does not depend on order', () => {
    fc.assert(
      fc.property(fc.array(status), status, (list, desired) => {
        const reversed = [...list].reverse();
        expect(aggregateHealth(reversed, desired)).toBe(aggregateHealth(list, desired));
      }),
    );
  });

  it('is Failed whenever any member failed', () => {
    fc.assert(
      fc.property(fc.array(status), fc.array(status), (a, b) => {
        expect(aggregateHealth([...a, 'Failed', ...b])).toBe('Failed');
      }),
    );
  });

  it('is the desired status exactly when every member has it (barring Failed/Unknown)', () => {
    fc.assert(
      fc.property(fc.array(status), (list) => {
        const result = aggregateHealth(list);
        const healthy = list.every((s) => s === 'Current');
        expect(result === 'Current').toBe(healthy);
      }),
    );
  });
});

describe('aggregateHealth over results', () => {
  it('reads the status of each result', () => {
    const results: StatusResult[] = [
      { status: 'Current', message: 'Resource is current', conditions: [] },
      { status: 'InProgress', message: 'Ready: 1/2', conditions: [] },
    ];
    expect(aggregateHealth(results)).toBe('InProgress');
    expect(aggregateHealth([{ status: 'Current' }, 'Current'])).toBe('Current');
  });
});
