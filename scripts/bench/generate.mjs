#!/usr/bin/env node
// Deterministic kustomize benchmark input: a base of exactly N resources plus a staging and a
// production overlay and a monitoring component. Same (n, seed) → same bytes on disk.
//
//   node scripts/bench/generate.mjs --n 1000 [--seed 42] [--out DIR]
//
// Layout written under DIR:
//   base/                    kustomization.yaml, chunk-XX/{workloads,network,config,rbac}.yaml
//                            (multi-document), crs/*.yaml (one CR per file), files/*.properties
//   components/monitoring/   kind: Component, adds an annotation and a ConfigMap
//   overlays/staging/        small overlay
//   overlays/production/     the benchmarked overlay (every transformer listed in README below)
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: a small seeded PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS_PER_CHUNK = 10;
const pad = (i, w = 4) => String(i).padStart(w, '0');

/**
 * The resources of one application group, in the order they are counted. Generated
 * ConfigMaps/Secrets are counted too, so the base builds to exactly N objects.
 */
function groupPlan(g) {
  const plan = ['cmGen', 'secretGen', 'configMap', 'serviceAccount', 'deployment', 'service'];
  if (g % 2 === 0) plan.push('ingress');
  if (g % 3 === 0) plan.push('hpa');
  if (g % 4 === 1) plan.push('serviceMonitor');
  if (g % 5 === 2) plan.push('widget');
  return plan;
}

function deploymentYaml(g, rnd) {
  const name = `app-${pad(g)}`;
  const replicas = 1 + Math.floor(rnd() * 3);
  const port = 8000 + Math.floor(rnd() * 1000);
  const cpu = 50 + Math.floor(rnd() * 200);
  const mem = 64 + Math.floor(rnd() * 192);
  const init =
    g % 3 === 0
      ? `      initContainers:
      - name: wait
        image: busybox:1.36
        command: ["sh", "-c", "sleep 1"]
        envFrom:
        - configMapRef:
            name: ${name}-config
`
      : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
    component: backend
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
      annotations:
        prometheus.io/port: "${port}"
    spec:
      serviceAccountName: ${name}
${init}      containers:
      - name: app
        image: example/app:1.${g % 7}.${g % 11}
        args: ["--port=${port}", "--name=${name}"]
        ports:
        - name: http
          containerPort: ${port}
        envFrom:
        - configMapRef:
            name: ${name}-config
        - secretRef:
            name: ${name}-secret
        env:
        - name: SETTINGS_MODE
          valueFrom:
            configMapKeyRef:
              name: ${name}-settings
              key: mode
        resources:
          requests:
            cpu: ${cpu}m
            memory: ${mem}Mi
        volumeMounts:
        - name: settings
          mountPath: /etc/settings
        - name: credentials
          mountPath: /etc/credentials
          readOnly: true
      - name: proxy
        image: nginx:1.25
        ports:
        - containerPort: 80
      volumes:
      - name: settings
        configMap:
          name: ${name}-settings
      - name: credentials
        secret:
          secretName: ${name}-secret
`;
}

function serviceYaml(g, rnd) {
  const name = `app-${pad(g)}`;
  const port = 8000 + Math.floor(rnd() * 1000);
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - name: http
    port: 80
    targetPort: ${port}
`;
}

function ingressYaml(g) {
  const name = `app-${pad(g)}`;
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  tls:
  - hosts: [${name}.example.com]
    secretName: ${name}-tls
  rules:
  - host: ${name}.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${name}
            port:
              number: 80
`;
}

function configMapYaml(g, rnd) {
  const name = `app-${pad(g)}`;
  const modes = ['fast', 'safe', 'debug', 'batch'];
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-settings
data:
  mode: ${modes[Math.floor(rnd() * modes.length)]}
  timeout: "${10 + Math.floor(rnd() * 50)}s"
  settings.json: |
    {"name": "${name}", "shards": ${1 + Math.floor(rnd() * 8)}}
`;
}

function serviceAccountYaml(g) {
  const name = `app-${pad(g)}`;
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
`;
}

function hpaYaml(g) {
  const name = `app-${pad(g)}`;
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 70
`;
}

function serviceMonitorYaml(g) {
  const name = `app-${pad(g)}`;
  return `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  endpoints:
  - port: http
    interval: 30s
`;
}

function widgetYaml(g, rnd) {
  const name = `widget-${pad(g)}`;
  return `apiVersion: example.com/v1alpha1
kind: Widget
metadata:
  name: ${name}
spec:
  size: ${1 + Math.floor(rnd() * 100)}
  color: ${['red', 'green', 'blue'][Math.floor(rnd() * 3)]}
  owner: app-${pad(g)}
`;
}

function padConfigMapYaml(k) {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: pad-${pad(k)}
data:
  index: "${k}"
`;
}

const multiDoc = (docs) => docs.join('---\n');

/**
 * Writes the benchmark tree for `n` base resources into `outDir` (created if missing) and
 * returns the paths of interest.
 */
export function generate({ n, seed = 42, outDir }) {
  if (!Number.isInteger(n) || n < 8) throw new Error(`n must be an integer >= 8, got ${n}`);
  const rnd = mulberry32(seed);
  const files = new Map(); // relative path → content
  const put = (rel, text) => files.set(rel, text);

  // Plan the groups: whole groups while they fit, then pad with plain ConfigMaps.
  const groups = [];
  let count = 0;
  for (let g = 0; ; g++) {
    const plan = groupPlan(g);
    if (count + plan.length > n) break;
    groups.push(plan);
    count += plan.length;
  }
  const padding = n - count;

  const resourceFiles = [];
  const cmGen = [];
  const secretGen = [];
  const crFiles = [];
  for (let c = 0; c * GROUPS_PER_CHUNK < groups.length; c++) {
    const dir = `chunk-${pad(c, 2)}`;
    const workloads = [];
    const network = [];
    const config = [];
    const rbac = [];
    for (
      let g = c * GROUPS_PER_CHUNK;
      g < Math.min(groups.length, (c + 1) * GROUPS_PER_CHUNK);
      g++
    ) {
      const name = `app-${pad(g)}`;
      for (const kind of groups[g]) {
        switch (kind) {
          case 'cmGen': {
            const entry = {
              name: `${name}-config`,
              literals: [
                `APP_NAME=${name}`,
                `LOG_LEVEL=${['info', 'debug', 'warn'][Math.floor(rnd() * 3)]}`,
                `WORKERS=${1 + Math.floor(rnd() * 16)}`,
              ],
            };
            if (g % 10 === 0) {
              const rel = `files/${name}.properties`;
              put(
                `base/${rel}`,
                `feature.a=${rnd() < 0.5}\nfeature.b=${Math.floor(rnd() * 1000)}\n`,
              );
              entry.files = [rel];
            }
            cmGen.push(entry);
            break;
          }
          case 'secretGen':
            secretGen.push({
              name: `${name}-secret`,
              literals: [
                `DB_PASSWORD=${Math.floor(rnd() * 1e9).toString(36)}`,
                `API_TOKEN=tok-${pad(g)}`,
              ],
            });
            break;
          case 'configMap':
            config.push(configMapYaml(g, rnd));
            break;
          case 'serviceAccount':
            rbac.push(serviceAccountYaml(g));
            break;
          case 'deployment':
            workloads.push(deploymentYaml(g, rnd));
            break;
          case 'service':
            network.push(serviceYaml(g, rnd));
            break;
          case 'ingress':
            network.push(ingressYaml(g));
            break;
          case 'hpa':
            workloads.push(hpaYaml(g));
            break;
          case 'serviceMonitor': {
            const rel = `crs/servicemonitor-${pad(g)}.yaml`;
            put(`base/${rel}`, serviceMonitorYaml(g));
            crFiles.push(rel);
            break;
          }
          case 'widget': {
            const rel = `crs/widget-${pad(g)}.yaml`;
            put(`base/${rel}`, widgetYaml(g, rnd));
            crFiles.push(rel);
            break;
          }
          default:
            throw new Error(`unknown kind ${kind}`);
        }
      }
    }
    for (const [file, docs] of [
      ['workloads.yaml', workloads],
      ['network.yaml', network],
      ['config.yaml', config],
      ['rbac.yaml', rbac],
    ]) {
      if (docs.length === 0) continue;
      put(`base/${dir}/${file}`, multiDoc(docs));
      resourceFiles.push(`${dir}/${file}`);
    }
  }
  if (padding > 0) {
    put(
      'base/padding.yaml',
      multiDoc(Array.from({ length: padding }, (_, k) => padConfigMapYaml(k))),
    );
    resourceFiles.push('padding.yaml');
  }

  const yamlList = (items, indent = '') => items.map((s) => `${indent}- ${s}\n`).join('');
  const genYaml = (entries) =>
    entries
      .map(
        (e) =>
          `- name: ${e.name}\n  literals:\n${yamlList(e.literals, '  ')}` +
          (e.files ? `  files:\n${yamlList(e.files, '  ')}` : ''),
      )
      .join('');
  put(
    'base/kustomization.yaml',
    `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
labels:
- pairs:
    app.kubernetes.io/part-of: bench
resources:
${yamlList([...resourceFiles, ...crFiles])}configMapGenerator:
${genYaml(cmGen)}secretGenerator:
${genYaml(secretGen)}`,
  );

  // The component: one annotation on everything plus a ConfigMap.
  put(
    'components/monitoring/kustomization.yaml',
    `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
commonAnnotations:
  monitoring.example.com/scrape: "true"
resources:
- monitoring-config.yaml
`,
  );
  put(
    'components/monitoring/monitoring-config.yaml',
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: monitoring-config
data:
  scrape_interval: 30s
  targets: all
`,
  );

  put(
    'overlays/staging/kustomization.yaml',
    `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namePrefix: staging-
namespace: staging
resources:
- ../../base
labels:
- pairs:
    env: staging
images:
- name: example/app
  newTag: staging
`,
  );

  // Production: every transformer in the brief.
  const replicaTargets = [0, 1, 2].filter((g) => g < groups.length);
  put(
    'overlays/production/kustomization.yaml',
    `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namePrefix: prod-
namespace: production
resources:
- ../../base
components:
- ../../components/monitoring
labels:
- pairs:
    env: production
    tier: gold
  includeSelectors: true
commonAnnotations:
  owner: platform-team
  oncall: "#prod-oncall"
images:
- name: example/app
  newName: registry.example.com/bench/app
  newTag: 2.0.1
- name: nginx
  newTag: 1.27-alpine
- name: busybox
  digest: sha256:0000000000000000000000000000000000000000000000000000000000000001
replicas:
${replicaTargets.map((g) => `- name: app-${pad(g)}\n  count: ${3 + g}\n`).join('')}patches:
- path: patches/deployment-limits.yaml
  target:
    kind: Deployment
- path: patches/ingress-class.yaml
  target:
    group: networking.k8s.io
    version: v1
    kind: Ingress
- patch: |-
    - op: add
      path: /spec/sessionAffinity
      value: ClientIP
  target:
    kind: Service
patchesStrategicMerge:
- patches/app-0000-debug.yaml
configMapGenerator:
- name: runtime-settings
  literals:
  - REGION=eu-west-1
  - FEATURE_FLAGS=a,b,c
- name: app-0000-config
  behavior: merge
  literals:
  - LOG_LEVEL=error
secretGenerator:
- name: db-credentials
  literals:
  - username=bench
  - password=s3cr3t
`,
  );
  // Strategic-merge patch for every Deployment: limits, plus volumes from the overlay generators.
  put(
    'overlays/production/patches/deployment-limits.yaml',
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: any-deployment
spec:
  template:
    spec:
      containers:
      - name: app
        resources:
          limits:
            cpu: "1"
            memory: 512Mi
        volumeMounts:
        - name: runtime-settings
          mountPath: /etc/prod
        - name: db-credentials
          mountPath: /etc/db
          readOnly: true
      volumes:
      - name: runtime-settings
        configMap:
          name: runtime-settings
      - name: db-credentials
        secret:
          secretName: db-credentials
`,
  );
  // JSON 6902 patch (YAML form) for every Ingress.
  put(
    'overlays/production/patches/ingress-class.yaml',
    `- op: add
  path: /spec/ingressClassName
  value: nginx-internal
- op: replace
  path: /spec/rules/0/http/paths/0/pathType
  value: ImplementationSpecific
`,
  );
  // patchesStrategicMerge for one specific Deployment.
  put(
    'overlays/production/patches/app-0000-debug.yaml',
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-0000
spec:
  template:
    spec:
      containers:
      - name: app
        env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db-credentials
              key: password
        - name: REGION
          valueFrom:
            configMapKeyRef:
              name: runtime-settings
              key: REGION
      - name: debug
        image: busybox:1.36
        command: ["sleep", "infinity"]
`,
  );

  const root = resolve(outDir);
  for (const [rel, text] of files) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return {
    root,
    base: join(root, 'base'),
    staging: join(root, 'overlays/staging'),
    production: join(root, 'overlays/production'),
    groups: groups.length,
    padding,
    files: files.size,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const n = Number(opt('n', '100'));
  const seed = Number(opt('seed', '42'));
  const outDir = opt('out', undefined) ?? mkdtempSync(join(tmpdir(), 'kustomate-bench-'));
  const info = generate({ n, seed, outDir });
  console.log(JSON.stringify(info, null, 2));
}
