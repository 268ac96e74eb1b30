/** kstatus `Augment` against the shared corpus (status_augment_test + example_test). */
import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { augmentStatus } from '../src/index.js';
import { readCorpus } from './corpus.js';

interface AugmentCase {
  name: string;
  manifest: YamlMap;
  withConditions: YamlValue[] | null;
  expectedConditions?: { type: string; status: string; reason: string }[];
  expectedConditionCount?: number;
  expectedManifest?: YamlMap;
}

const now = new Date('2026-01-02T03:04:05.678Z');
const oneMinuteAgo = '2026-01-02T03:03:05Z';

function prepare(c: AugmentCase): YamlMap {
  const obj = JSON.parse(
    JSON.stringify(c.manifest).replaceAll('__ONE_MINUTE_AGO__', oneMinuteAgo),
  ) as YamlMap;
  if (c.withConditions !== null) {
    const conditions = JSON.parse(
      JSON.stringify(c.withConditions).replaceAll('__ONE_MINUTE_AGO__', oneMinuteAgo),
    ) as YamlValue[];
    obj['status'] = { ...(isYamlMap(obj['status']) ? obj['status'] : {}), conditions };
  }
  return obj;
}

describe('kstatus augment-cases.json', () => {
  for (const c of readCorpus<AugmentCase[]>('augment-cases.json')) {
    it(c.name, () => {
      const input = prepare(c);
      const before = JSON.stringify(input);
      const out = augmentStatus(input, { now });
      expect(JSON.stringify(input)).toBe(before);
      if (c.expectedManifest) {
        expect(out).toEqual(c.expectedManifest);
        return;
      }
      const status = out['status'] as YamlMap;
      const conditions = status['conditions'] as YamlMap[];
      expect(conditions).toHaveLength(c.expectedConditionCount ?? -1);
      for (const want of c.expectedConditions ?? []) {
        expect(conditions).toContainEqual(expect.objectContaining(want));
      }
    });
  }

  it('stamps lastTransitionTime only when a condition changes status', () => {
    const pod: YamlMap = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      status: {
        phase: 'Running',
        conditions: [
          { type: 'Reconciling', status: 'True', reason: 'Old', lastTransitionTime: oneMinuteAgo },
          { type: 'Stalled', status: 'False', reason: 'X', lastTransitionTime: oneMinuteAgo },
        ],
      },
    };
    const out = augmentStatus(pod, { now });
    expect((out['status'] as YamlMap)['conditions']).toEqual([
      {
        type: 'Reconciling',
        status: 'True',
        reason: 'Old',
        message: '',
        lastTransitionTime: oneMinuteAgo,
        lastUpdateTime: '2026-01-02T03:04:05Z',
      },
      { type: 'Stalled', status: 'False', reason: 'X', lastTransitionTime: oneMinuteAgo },
    ]);
  });
});
