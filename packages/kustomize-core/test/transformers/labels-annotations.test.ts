import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { aliasCount, setFieldValue } from '../../src/filters/scalar-aliases.js';
import {
  applyAnnotations,
  applyLabels,
  fixNameReferences,
  labelsEntryFieldSpecs,
} from '../../src/transformers/index.js';
import {
  configFromFiles,
  fs,
  objectsOf,
  resMapFromYaml,
  runTransformers,
  sortedForCompare,
} from './helpers.js';

// Oracle: `commonLabels: {app: web, "on": "y"}`.
const COMMON_INPUT = `apiVersion: v1
kind: Service
metadata:
  name: ext
spec:
  type: ExternalName
  externalName: example.com
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dep
  labels:
    app: old
    keep: me
spec:
  template:
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchLabels:
                x: y
            topologyKey: k
          - topologyKey: k2
      containers:
      - name: c
        image: i
---
apiVersion: batch/v1
kind: Job
metadata:
  name: job
spec:
  template:
    spec:
      containers: []
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cj
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec: {}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: pdb
spec:
  selector:
    matchLabels:
      a: b
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: np
spec:
  podSelector: {}
  ingress:
  - from:
    - podSelector:
        matchLabels:
          z: z
    - namespaceSelector: {}
---
apiVersion: v1
kind: ReplicationController
metadata:
  name: rc
---
apiVersion: example.com/v1
kind: Foo
metadata:
  name: foo
spec:
  selector: {}
`;
const COMMON_OUTPUT = `apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
    "on": "y"
  name: ext
spec:
  externalName: example.com
  selector:
    app: web
    "on": "y"
  type: ExternalName
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
    keep: me
    "on": "y"
  name: dep
spec:
  selector:
    matchLabels:
      app: web
      "on": "y"
  template:
    metadata:
      labels:
        app: web
        "on": "y"
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchLabels:
                app: web
                "on": "y"
                x: "y"
            topologyKey: k
          - topologyKey: k2
      containers:
      - image: i
        name: c
---
apiVersion: batch/v1
kind: CronJob
metadata:
  labels:
    app: web
    "on": "y"
  name: cj
spec:
  jobTemplate:
    metadata:
      labels:
        app: web
        "on": "y"
    spec:
      template:
        metadata:
          labels:
            app: web
            "on": "y"
        spec: {}
  schedule: '* * * * *'
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  labels:
    app: web
    "on": "y"
  name: pdb
spec:
  selector:
    matchLabels:
      a: b
      app: web
      "on": "y"
---
apiVersion: batch/v1
kind: Job
metadata:
  labels:
    app: web
    "on": "y"
  name: job
spec:
  template:
    metadata:
      labels:
        app: web
        "on": "y"
    spec:
      containers: []
---
apiVersion: example.com/v1
kind: Foo
metadata:
  labels:
    app: web
    "on": "y"
  name: foo
spec:
  selector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  labels:
    app: web
    "on": "y"
  name: np
spec:
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: web
          "on": "y"
          z: z
    - namespaceSelector: {}
  podSelector: {}
---
apiVersion: v1
kind: ReplicationController
metadata:
  labels:
    app: web
    "on": "y"
  name: rc
spec:
  selector:
    app: web
    "on": "y"
  template:
    metadata:
      labels:
        app: web
        "on": "y"
`;

// Oracle: commonLabels {c: d}; labels [{pairs: {a: b}, includeSelectors: true},
// {pairs: {t: "1"}, includeTemplates: true, fields: [Foo spec/f create]}, {pairs: {m: "true"}}];
// configurations: CONFIG.
const ENTRIES_INPUT = `apiVersion: example.com/v1
kind: Foo
metadata:
  name: foo
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cj
`;
const ENTRIES_CONFIG = `labels:
- kind: Foo
  path: spec/sel
  create: true
commonLabels:
- kind: Foo
  path: spec/x
  create: true
`;
const ENTRIES_OUTPUT = `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    a: b
    c: d
    m: "true"
    t: "1"
  name: d
spec:
  selector:
    matchLabels:
      a: b
      c: d
  template:
    metadata:
      labels:
        a: b
        c: d
        t: "1"
---
apiVersion: batch/v1
kind: CronJob
metadata:
  labels:
    a: b
    c: d
    m: "true"
    t: "1"
  name: cj
spec:
  jobTemplate:
    metadata:
      labels:
        a: b
        c: d
        t: "1"
    spec:
      template:
        metadata:
          labels:
            a: b
            c: d
            t: "1"
---
apiVersion: example.com/v1
kind: Foo
metadata:
  labels:
    a: b
    c: d
    m: "true"
    t: "1"
  name: foo
spec:
  f:
    t: "1"
  sel:
    a: b
    m: "true"
    t: "1"
  x:
    a: b
    c: d
`;

// Oracle: base `commonLabels: {app: x}`; overlay `labels: [{pairs: {app: z}}]`.
const SHARED_INPUT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
      - name: c
        image: nginx
---
apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
  selector:
    matchLabels: null
  template:
    spec: {}
`;
const SHARED_OUTPUT = `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: z
  name: d
spec:
  selector:
    matchLabels:
      app: z
  template:
    metadata:
      labels:
        app: z
    spec:
      containers:
      - image: nginx
        name: c
---
apiVersion: batch/v1
kind: Job
metadata:
  labels:
    app: z
  name: j
spec:
  selector:
    matchLabels: null
  template:
    metadata:
      labels:
        app: z
    spec: {}
`;

describe('applyLabels', () => {
  it('commonLabels creates selectors and template labels like kubectl kustomize', () => {
    const m = resMapFromYaml(COMMON_INPUT);
    runTransformers(m, { commonLabels: { app: 'web', on: 'y' } });
    fixNameReferences(m);
    const { got, want } = sortedForCompare(m, COMMON_OUTPUT);
    expect(got).toEqual(want);
  });

  it('creates Service selectors even for ExternalName, but no Job selector', () => {
    const m = resMapFromYaml(COMMON_INPUT);
    applyLabels(m, { app: 'web' });
    const [svc, , job] = objectsOf(m);
    expect(svc?.spec).toMatchObject({ selector: { app: 'web' } });
    expect(job?.spec).toEqual({
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } },
    });
  });

  it('labels entries use their own field specs plus the config labels list', () => {
    const config = configFromFiles([ENTRIES_CONFIG]);
    const m = resMapFromYaml(ENTRIES_INPUT);
    runTransformers(
      m,
      {
        commonLabels: { c: 'd' },
        labels: [
          { pairs: { a: 'b' }, includeSelectors: true },
          {
            pairs: { t: '1' },
            includeTemplates: true,
            fields: [fs('spec/f', { kind: 'Foo', create: true })],
          },
          { pairs: { m: 'true' } },
        ],
      },
      config,
    );
    const { got, want } = sortedForCompare(m, ENTRIES_OUTPUT);
    expect(got).toEqual(want);
  });

  it('labelsEntryFieldSpecs merges like FsSlice.MergeAll', () => {
    const config = configFromFiles([]);
    expect(labelsEntryFieldSpecs({ pairs: {} }, config)).toEqual([
      fs('metadata/labels', { create: true }),
    ]);
    expect(labelsEntryFieldSpecs({ pairs: {}, includeSelectors: true }, config)).toHaveLength(
      config.commonLabels.length,
    );
    expect(() =>
      labelsEntryFieldSpecs({ pairs: {}, fields: [fs('metadata/labels')] }, config),
    ).toThrow(/conflicting fieldspecs/);
  });

  it('leaves a null map alone when the spec does not create', () => {
    const m = resMapFromYaml(
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {selector: {matchLabels: null}}',
    );
    applyLabels(m, { a: 'b' });
    expect(objectsOf(m)[0]?.spec).toEqual({
      selector: { matchLabels: null },
      template: { metadata: { labels: { a: 'b' } } },
    });
  });

  // [verified] "considering field 'spec/selector' of object Service.v1.[noGrp]/s.[noNs]: wrong
  // node kind: expected MappingNode but got ScalarNode: node contents:\nfoo"
  it('fails when a label map is a scalar or a list', () => {
    const m = resMapFromYaml(
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: foo}',
    );
    let err: unknown;
    try {
      applyLabels(m, { app: 'x' });
    } catch (e) {
      err = e;
    }
    expect((err as KustomizeError).code).toBe('InvalidFieldSpec');
    expect((err as KustomizeError).message).toBe(
      "considering field 'spec/selector' of object Service.v1.[noGrp]/s.[noNs]: wrong node kind: expected MappingNode but got ScalarNode: node contents:\nfoo",
    );
  });

  it('labels created by one filter stay aliased: a later write reaches all of them', () => {
    const m = resMapFromYaml(SHARED_INPUT);
    runTransformers(m, { commonLabels: { app: 'x' } });
    runTransformers(m, { labels: [{ pairs: { app: 'z' } }] });
    fixNameReferences(m);
    const { got, want } = sortedForCompare(m, SHARED_OUTPUT);
    expect(got).toEqual(want);
  });

  it('only fields the filter created are aliased', () => {
    const m = resMapFromYaml(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, labels: {app: old}}',
    );
    applyLabels(m, { app: 'x' });
    const o = objectsOf(m)[0] as {
      metadata: { labels: Record<string, string> };
      spec: { selector: { matchLabels: Record<string, string> } };
    };
    expect(aliasCount(o.metadata.labels, 'app')).toBe(1);
    expect(aliasCount(o.spec.selector.matchLabels, 'app')).toBe(2);
    setFieldValue(o.spec.selector.matchLabels, 'app', 'y'); // e.g. a patch writing one of them
    expect(objectsOf(m)[0]).toMatchObject({
      metadata: { labels: { app: 'x' } },
      spec: {
        selector: { matchLabels: { app: 'y' } },
        template: { metadata: { labels: { app: 'y' } } },
      },
    });
  });
});

describe('applyAnnotations', () => {
  it('sets annotations on metadata and pod templates, as strings', () => {
    const m = resMapFromYaml(`apiVersion: batch/v1
kind: CronJob
metadata: {name: cj, annotations: {keep: "1"}}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {}
`);
    applyAnnotations(m, { note: 'true', b: 'x' });
    expect(objectsOf(m)).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'cj', annotations: { keep: '1', note: 'true', b: 'x' } },
        spec: {
          jobTemplate: {
            metadata: { annotations: { note: 'true', b: 'x' } },
            spec: { template: { metadata: { annotations: { note: 'true', b: 'x' } } } },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', annotations: { note: 'true', b: 'x' } },
        spec: {},
      },
    ]);
  });

  it('does nothing without annotations', () => {
    const m = resMapFromYaml('apiVersion: v1\nkind: Pod\nmetadata: {name: p}');
    applyAnnotations(m, {});
    expect(objectsOf(m)[0]).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } });
  });
});
