import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { ClusterError, createMemoryCluster } from '../src/index.js';
import type { KubeObject } from '../src/index.js';

const meta = { name: 'x', namespace: 'default' };

function deployment(container: YamlMap, podSpec: YamlMap = {}, spec: YamlMap = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta,
    spec: {
      selector: { matchLabels: { app: 'x' } },
      template: {
        metadata: { labels: { app: 'x' } },
        spec: { containers: [{ name: 'c', image: 'nginx', ...container }], ...podSpec },
      },
      ...spec,
    },
  };
}

const service = (spec: YamlMap): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta,
  spec: { ports: [{ port: 80 }], ...spec },
});

const cases: [string, KubeObject, string, string][] = [
  [
    'env value as a number',
    deployment({ env: [{ name: 'PORT', value: 8080 }] }),
    'spec.template.spec.containers[0].env[0].value',
    'Invalid value: expected string, got numeric',
  ],
  [
    'command as a string',
    deployment({ command: 'sh -c run' }),
    'spec.template.spec.containers[0].command',
    'Invalid value: expected list, got string',
  ],
  [
    'an argument as a number',
    deployment({ args: ['--port', 80] }),
    'spec.template.spec.containers[0].args[1]',
    'Invalid value: expected string, got numeric',
  ],
  [
    'containerPort as a string',
    deployment({ ports: [{ containerPort: '80' }] }),
    'spec.template.spec.containers[0].ports[0].containerPort',
    'Invalid value: expected numeric (int or float), got string',
  ],
  [
    'probe period as a string',
    deployment({ livenessProbe: { periodSeconds: '10s', tcpSocket: { port: 80 } } }),
    'spec.template.spec.containers[0].livenessProbe.periodSeconds',
    'Invalid value: expected numeric (int or float), got string',
  ],
  [
    'readOnly as a string',
    deployment({ volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: 'yes' }] }),
    'spec.template.spec.containers[0].volumeMounts[0].readOnly',
    'Invalid value: expected boolean, got string',
  ],
  [
    'a template label as a boolean',
    {
      ...deployment({}),
      spec: {
        selector: { matchLabels: { app: 'x' } },
        template: { metadata: { labels: { app: 'x', canary: true } }, spec: {} },
      },
    },
    'spec.template.metadata.labels.canary',
    'Invalid value: expected string, got boolean',
  ],
  [
    'a nodeSelector value as a number',
    deployment({}, { nodeSelector: { zone: 1 } }),
    'spec.template.spec.nodeSelector.zone',
    'Invalid value: expected string, got numeric',
  ],
  [
    'terminationGracePeriodSeconds as a string',
    deployment({}, { terminationGracePeriodSeconds: '30' }),
    'spec.template.spec.terminationGracePeriodSeconds',
    'Invalid value: expected numeric (int or float), got string',
  ],
  [
    'maxSurge as a map',
    deployment({}, {}, { strategy: { rollingUpdate: { maxSurge: { value: 1 } } } }),
    'spec.strategy.rollingUpdate.maxSurge',
    'Invalid value: expected string or numeric (int or float), got map',
  ],
  [
    'Service targetPort as a boolean',
    service({ ports: [{ port: 80, targetPort: true }] }),
    'spec.ports[0].targetPort',
    'Invalid value: expected string or numeric (int or float), got boolean',
  ],
  [
    'Service nodePort as a string',
    service({ type: 'NodePort', ports: [{ port: 80, nodePort: '30080' }] }),
    'spec.ports[0].nodePort',
    'Invalid value: expected numeric (int or float), got string',
  ],
  [
    'Service externalIPs as a string',
    service({ externalIPs: '1.2.3.4' }),
    'spec.externalIPs',
    'Invalid value: expected list, got string',
  ],
  [
    'a ConfigMap value as a number',
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { a: '1', port: 8080 } },
    'data.port',
    'Invalid value: expected string, got numeric',
  ],
  [
    'a ConfigMap data list',
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: ['a'] },
    'data',
    'Invalid value: expected map, got list',
  ],
  [
    'a Pod container image as a number',
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta,
      spec: { containers: [{ name: 'c', image: 3 }] },
    },
    'spec.containers[0].image',
    'Invalid value: expected string, got numeric',
  ],
  [
    'a CronJob pod template restartPolicy as a boolean',
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta,
      spec: {
        schedule: '* * * * *',
        jobTemplate: { spec: { template: { spec: { restartPolicy: false, containers: [] } } } },
      },
    },
    'spec.jobTemplate.spec.template.spec.restartPolicy',
    'Invalid value: expected string, got boolean',
  ],
];

describe('field type validation', () => {
  it.each(cases)('%s is Invalid at the field', async (_, object, field, message) => {
    const cluster = createMemoryCluster({ simulator: false });
    const error = await cluster.apply(object, { fieldManager: 'm' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ClusterError);
    const e = error as ClusterError;
    expect(e.code).toBe('Invalid');
    expect(e.location.field).toBe(field);
    expect(e.message).toContain(`is invalid: ${field}: ${message}`);
    expect(e.data?.causes).toEqual([{ field, message }]);
  });

  it('accepts the right types, int-or-string both ways and null values', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    await cluster.apply(
      deployment(
        {
          env: [{ name: 'A', value: '1' }],
          ports: [{ containerPort: 80 }],
          readinessProbe: { httpGet: { port: 'http' } },
        },
        { nodeSelector: { zone: 'a' } },
        { strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: '10%' } } },
      ),
      { fieldManager: 'm' },
    );
    await cluster.apply(service({ ports: [{ port: 80, targetPort: 'http' }] }), {
      fieldManager: 'm',
    });
    await cluster.apply(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { a: '1', b: null } },
      { fieldManager: 'm' },
    );
    expect(await cluster.list({ apiVersion: 'v1', kind: 'Service' })).toHaveLength(1);
  });
});
