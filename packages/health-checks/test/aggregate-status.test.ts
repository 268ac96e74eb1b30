import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateStatus, type HealthStatus } from '../src/index.js';

const statuses: HealthStatus[] = [
  'Current',
  'InProgress',
  'Failed',
  'Terminating',
  'NotFound',
  'Unknown',
];
const status = fc.constantFrom(...statuses);

describe('aggregateStatus', () => {
  it('follows kstatus’ aggregator on examples', () => {
    expect(aggregateStatus([])).toBe('Current');
    expect(aggregateStatus(['Current', 'Current'])).toBe('Current');
    expect(aggregateStatus(['Current', 'NotFound'])).toBe('InProgress');
    expect(aggregateStatus(['Unknown', 'InProgress'])).toBe('Unknown');
    expect(aggregateStatus(['Unknown', 'Failed'])).toBe('Failed');
    expect(aggregateStatus(['NotFound', 'NotFound'], 'NotFound')).toBe('NotFound');
  });

  it('does not depend on order', () => {
    fc.assert(
      fc.property(fc.array(status), status, (list, desired) => {
        const reversed = [...list].reverse();
        expect(aggregateStatus(reversed, desired)).toBe(aggregateStatus(list, desired));
      }),
    );
  });

  it('is Failed whenever any member failed', () => {
    fc.assert(
      fc.property(fc.array(status), fc.array(status), (a, b) => {
        expect(aggregateStatus([...a, 'Failed', ...b])).toBe('Failed');
      }),
    );
  });

  it('is the desired status exactly when every member has it (barring Failed/Unknown)', () => {
    fc.assert(
      fc.property(fc.array(status), (list) => {
        const result = aggregateStatus(list);
        const healthy = list.every((s) => s === 'Current');
        expect(result === 'Current').toBe(healthy);
      }),
    );
  });
});
