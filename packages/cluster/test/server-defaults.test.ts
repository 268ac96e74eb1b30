import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { createMemoryCluster } from '../src/index.js';
import type { KubeObject } from '../src/index.js';
import { imageTag } from '../src/memory/builtin-defaults.js';

// The goldens below are written from kube-apiserver's defaulting functions
// (pkg/apis/{core,apps,batch}/v1/defaults.go: SetDefaults_Deployment, _StatefulSet, _DaemonSet,
// _Job, _CronJob, _PodSpec, _Pod, _Container, _Probe, _HTTPGetAction, _Volume, _Service,
// _Secret, _PersistentVolumeClaim(Spec)) and what a live object shows after a dry-run apply —
// not from the memory cluster's output.

const meta = (name: string): YamlMap => ({ name, namespace: 'default' });

/** The pod spec of a single `app` container running `image`, as applied. */
const podSpec = (image: string): YamlMap => ({ containers: [{ name: 'app', image }] });

/** The same pod spec as kube-apiserver stores it. */
const defaultedPodSpec = (image: string, pullPolicy: string): YamlMap => ({
  containers: [
    {
      name: 'app',
      image,
      imagePullPolicy: pullPolicy,
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    },
  ],
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
});

const selector = { matchLabels: { app: 'web' } };
const template = (spec: YamlMap): YamlMap => ({ metadata: { labels: { app: 'web' } }, spec });

async function applied(object: KubeObject, dryRun = false): Promise<KubeObject> {
  const cluster = createMemoryCluster({ simulator: false });
  return cluster.apply(object, { fieldManager: 'flux', dryRun });
}

function managedFieldsOf(object: KubeObject | undefined, manager: string): string {
  const entries = ((object?.['metadata'] as YamlMap | undefined)?.['managedFields'] ??
    []) as YamlMap[];
  return JSON.stringify(entries.find((e) => e['manager'] === manager)?.['fieldsV1'] ?? {});
}

describe('server defaulting: goldens per kind', () => {
  it('Deployment', async () => {
    const live = await applied({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta('web'),
      spec: { selector, template: template(podSpec('nginx:1.25')) },
    });
    expect(live['spec']).toEqual({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      selector,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      template: template(defaultedPodSpec('nginx:1.25', 'IfNotPresent')),
    });
  });

  it('Deployment with the Recreate strategy gets no rolling parameters', async () => {
    const live = await applied({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta('web'),
      spec: {
        replicas: 3,
        strategy: { type: 'Recreate' },
        selector,
        template: template(podSpec('nginx')),
      },
    });
    const spec = live['spec'] as YamlMap;
    expect(spec['strategy']).toEqual({ type: 'Recreate' });
    expect(spec['replicas']).toBe(3);
  });

  it('StatefulSet', async () => {
    const live = await applied({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta('db'),
      spec: {
        serviceName: 'db',
        selector,
        template: template(podSpec('postgres:16')),
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
      },
    });
    expect(live['spec']).toEqual({
      serviceName: 'db',
      replicas: 1,
      revisionHistoryLimit: 10,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      selector,
      template: template(defaultedPodSpec('postgres:16', 'IfNotPresent')),
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: '1Gi' } },
            volumeMode: 'Filesystem',
          },
          status: { phase: 'Pending' },
        },
      ],
    });
  });

  it('DaemonSet', async () => {
    const live = await applied({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: meta('agent'),
      spec: { selector, template: template(podSpec('agent:latest')) },
    });
    expect(live['spec']).toEqual({
      revisionHistoryLimit: 10,
      selector,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      template: template(defaultedPodSpec('agent:latest', 'Always')),
    });
  });

  it('Job (labels copied from the template)', async () => {
    const spec = { ...podSpec('busybox:1.36'), restartPolicy: 'Never' };
    const live = await applied({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta('once'),
      spec: { template: template(spec) },
    });
    expect((live['metadata'] as YamlMap)['labels']).toEqual({ app: 'web' });
    expect(live['spec']).toEqual({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      parallelism: 1,
      suspend: false,
      template: template({
        ...defaultedPodSpec('busybox:1.36', 'IfNotPresent'),
        restartPolicy: 'Never',
      }),
    });
  });

  it('Job with parallelism only keeps completions unset', async () => {
    const live = await applied({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta('work'),
      spec: { parallelism: 3, template: { spec: podSpec('busybox') } },
    });
    expect(live['spec']).not.toHaveProperty('completions');
    expect((live['spec'] as YamlMap)['parallelism']).toBe(3);
  });

  it('CronJob (the job template spec gets pod defaults only)', async () => {
    const jobSpec = { template: { spec: { ...podSpec('busybox'), restartPolicy: 'OnFailure' } } };
    const live = await applied({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta('nightly'),
      spec: { schedule: '0 3 * * *', jobTemplate: { spec: jobSpec } },
    });
    expect(live['spec']).toEqual({
      schedule: '0 3 * * *',
      concurrencyPolicy: 'Allow',
      failedJobsHistoryLimit: 1,
      successfulJobsHistoryLimit: 3,
      suspend: false,
      jobTemplate: {
        spec: {
          template: {
            spec: { ...defaultedPodSpec('busybox', 'Always'), restartPolicy: 'OnFailure' },
          },
        },
      },
    });
  });

  it('Pod (ports, probes, env field refs, volumes, requests from limits, service links)', async () => {
    const live = await applied({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta('p'),
      spec: {
        containers: [
          {
            name: 'app',
            image: 'registry.local:5000/app@sha256:0123',
            ports: [{ containerPort: 8080 }],
            env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            readinessProbe: { httpGet: { port: 8080 } },
            resources: { limits: { cpu: '500m', memory: '128Mi' } },
          },
        ],
        volumes: [
          { name: 'scratch' },
          { name: 'cfg', configMap: { name: 'cfg' } },
          { name: 'creds', secret: { secretName: 'creds' } },
          { name: 'host', hostPath: { path: '/var/log' } },
        ],
      },
    });
    expect(live['spec']).toEqual({
      containers: [
        {
          name: 'app',
          image: 'registry.local:5000/app@sha256:0123',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          env: [
            {
              name: 'NODE',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } },
            },
          ],
          readinessProbe: {
            httpGet: { path: '/', port: 8080, scheme: 'HTTP' },
            failureThreshold: 3,
            periodSeconds: 10,
            successThreshold: 1,
            timeoutSeconds: 1,
          },
          resources: {
            limits: { cpu: '500m', memory: '128Mi' },
            requests: { cpu: '500m', memory: '128Mi' },
          },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      volumes: [
        { name: 'scratch', emptyDir: {} },
        { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
        { name: 'creds', secret: { secretName: 'creds', defaultMode: 420 } },
        { name: 'host', hostPath: { path: '/var/log', type: '' } },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });

  it('Service (ClusterIP)', async () => {
    const live = await applied({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('web'),
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] },
    });
    const spec = live['spec'] as YamlMap;
    expect(spec['clusterIP']).toMatch(/^10\.96\.\d+\.\d+$/);
    expect(spec['clusterIPs']).toEqual([spec['clusterIP']]);
    expect({ ...spec, clusterIP: 'x', clusterIPs: ['x'] }).toEqual({
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      clusterIP: 'x',
      clusterIPs: ['x'],
    });
  });

  it('Service (NodePort, ClientIP affinity) and ExternalName', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    const nodePort = await cluster.apply(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta('np'),
        spec: {
          type: 'NodePort',
          sessionAffinity: 'ClientIP',
          selector: { app: 'web' },
          ports: [{ port: 80, targetPort: 'http' }],
        },
      },
      { fieldManager: 'flux' },
    );
    const spec = nodePort['spec'] as YamlMap;
    expect(spec).toMatchObject({
      externalTrafficPolicy: 'Cluster',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }],
    });
    const port = (spec['ports'] as YamlMap[])[0]?.['nodePort'];
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    const external = await cluster.apply(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta('ext'),
        spec: { type: 'ExternalName', externalName: 'example.com' },
      },
      { fieldManager: 'flux' },
    );
    expect(external['spec']).toEqual({
      type: 'ExternalName',
      externalName: 'example.com',
      sessionAffinity: 'None',
    });
  });

  it('ConfigMap has no server defaults; Secret gets type Opaque', async () => {
    const cm = await applied({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta('cfg'),
      data: { a: '1' },
    });
    expect(Object.keys(cm).sort()).toEqual(['apiVersion', 'data', 'kind', 'metadata']);
    const secret = await applied({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta('s'),
      stringData: { a: '1' },
    });
    expect(secret['type']).toBe('Opaque');
    expect(secret['data']).toEqual({ a: 'MQ==' });
  });

  it('PersistentVolumeClaim', async () => {
    const live = await applied({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta('data'),
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    expect(live['spec']).toEqual({
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
      volumeMode: 'Filesystem',
    });
    expect(live['status']).toEqual({ phase: 'Pending' });
  });
});

describe('server defaulting and the rest of the server', () => {
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('web'),
    spec: { selector, template: template(podSpec('nginx')) },
  };
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' };

  it('defaulted fields are owned by no manager', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    const live = await cluster.apply(deployment, { fieldManager: 'flux' });
    const owned = managedFieldsOf(live, 'flux');
    for (const field of [
      'f:replicas',
      'f:strategy',
      'f:revisionHistoryLimit',
      'f:progressDeadlineSeconds',
      'f:dnsPolicy',
      'f:terminationMessagePath',
      'f:imagePullPolicy',
    ])
      expect(owned).not.toContain(field);
    expect(owned).toContain('f:image');
  });

  it('a later apply that sets a defaulted field takes it without conflict', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    await cluster.apply(deployment, { fieldManager: 'flux' });
    const scaled = await cluster.apply(
      { ...deployment, spec: { replicas: 3 } },
      { fieldManager: 'hpa' },
    );
    expect((scaled['spec'] as YamlMap)['replicas']).toBe(3);
    expect(managedFieldsOf(scaled, 'hpa')).toContain('f:replicas');
    // The first manager re-applying without the field keeps the other manager's value.
    const again = await cluster.apply(deployment, { fieldManager: 'flux' });
    expect((again['spec'] as YamlMap)['replicas']).toBe(3);
  });

  it('switching to Recreate needs the defaulted rollingUpdate removed, as in kube-apiserver', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    await cluster.apply(deployment, { fieldManager: 'flux' });
    const recreate = (strategy: YamlMap): KubeObject => ({
      ...deployment,
      spec: { ...(deployment['spec'] as YamlMap), strategy },
    });
    await expect(
      cluster.apply(recreate({ type: 'Recreate' }), { fieldManager: 'flux' }),
    ).rejects.toMatchObject({
      code: 'Invalid',
      message:
        'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'',
    });
    const live = await cluster.patch(
      ref,
      { spec: { strategy: { type: 'Recreate', rollingUpdate: null } } },
      { type: 'merge', fieldManager: 'kubectl' },
    );
    expect((live['spec'] as YamlMap)['strategy']).toEqual({ type: 'Recreate' });
    expect((live['metadata'] as YamlMap)['generation']).toBe(2);
  });

  it('a field a manager stops applying falls back to its default', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    const withReplicas = {
      ...deployment,
      spec: { ...(deployment['spec'] as YamlMap), replicas: 5 },
    };
    await cluster.apply(withReplicas, { fieldManager: 'flux' });
    const live = await cluster.apply(deployment, { fieldManager: 'flux' });
    expect((live['spec'] as YamlMap)['replicas']).toBe(1);
  });

  it('defaulting does not bump the generation or the resourceVersion', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    const first = await cluster.apply(deployment, { fieldManager: 'flux' });
    const firstMeta = first['metadata'] as YamlMap;
    expect(firstMeta['generation']).toBe(1);
    const other = await cluster.apply(
      { ...deployment, spec: { template: template(podSpec('nginx')) } },
      { fieldManager: 'other' },
    );
    expect((other['metadata'] as YamlMap)['generation']).toBe(1);
    const labelled = await cluster.patch(
      ref,
      { metadata: { labels: { team: 'a' } } },
      { type: 'merge', fieldManager: 'kubectl' },
    );
    expect((labelled['metadata'] as YamlMap)['generation']).toBe(1);
    const replaced = await cluster.update(
      { ...deployment, metadata: { ...meta('web'), labels: { team: 'a' } } },
      { fieldManager: 'kubectl' },
    );
    expect((replaced['metadata'] as YamlMap)['generation']).toBe(1);
    const rv = (replaced['metadata'] as YamlMap)['resourceVersion'];
    const noop = await cluster.apply(deployment, { fieldManager: 'flux' });
    expect((noop['metadata'] as YamlMap)['resourceVersion']).toBe(rv);
  });

  it('a dry-run apply returns the defaulted object and stores nothing', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    const dry = await cluster.apply(deployment, { fieldManager: 'flux', dryRun: true });
    expect(dry['spec']).toMatchObject({ replicas: 1, revisionHistoryLimit: 10 });
    expect(await cluster.get(ref)).toBeUndefined();
    await cluster.apply(deployment, { fieldManager: 'flux' });
    const dryAgain = await cluster.apply(
      { ...deployment, spec: { ...(deployment['spec'] as YamlMap), replicas: 2 } },
      { fieldManager: 'flux', dryRun: true },
    );
    expect(dryAgain['spec']).toMatchObject({ replicas: 2, progressDeadlineSeconds: 600 });
    expect(((await cluster.get(ref))?.['spec'] as YamlMap)['replicas']).toBe(1);
  });
});

describe('imageTag', () => {
  it('finds the tag as ParseImageName does', () => {
    expect(imageTag('nginx')).toBe('latest');
    expect(imageTag('nginx:latest')).toBe('latest');
    expect(imageTag('nginx:1.25')).toBe('1.25');
    expect(imageTag('registry:5000/nginx')).toBe('latest');
    expect(imageTag('nginx@sha256:abc')).toBe('');
    expect(imageTag('nginx:1.25@sha256:abc')).toBe('1.25');
  });
});

describe('server defaulting of restored snapshots', () => {
  it('defaults objects saved before the defaults existed, keeping their generation', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    const live = await cluster.apply(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta('web'),
        spec: { selector, template: template(podSpec('nginx')) },
      },
      { fieldManager: 'flux' },
    );
    const snapshot = cluster.snapshot();
    for (const object of snapshot.objects)
      if (object['kind'] === 'Deployment')
        object['spec'] = { selector, template: template(podSpec('nginx')) };
    const restored = createMemoryCluster({ from: snapshot, simulator: false });
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' };
    const read = await restored.get(ref);
    expect(read?.['spec']).toEqual(live['spec']);
    const again = await restored.apply(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta('web'),
        spec: { selector, template: template(podSpec('nginx')) },
      },
      { fieldManager: 'flux' },
    );
    expect((again['metadata'] as YamlMap)['generation']).toBe(1);
  });
});
