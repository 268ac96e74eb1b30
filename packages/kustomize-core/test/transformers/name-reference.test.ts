import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { ResMap } from '../../src/resource/res-map.js';
import { builtinSchema } from '../../src/schema/schema-info.js';
import { fixNameReferences } from '../../src/transformers/index.js';
import {
  objectsOf,
  resMapFromYaml,
  runTransformers,
  sortedForCompare,
  type KustomizationFields,
} from './helpers.js';

/** Builds sub-kustomizations, then a parent holding their resources and its own (no diamonds). */
function build(
  levels: Array<{ yaml: string; k: KustomizationFields }>,
  top: { yaml: string; k: KustomizationFields },
): ResMap {
  const m = new ResMap(builtinSchema);
  for (const level of levels) {
    const sub = resMapFromYaml(level.yaml);
    runTransformers(sub, level.k);
    m.appendAll(sub);
  }
  m.appendAll(resMapFromYaml(top.yaml));
  runTransformers(m, top.k);
  fixNameReferences(m);
  return m;
}

function errorOf(f: () => void): KustomizeError {
  try {
    f();
  } catch (e) {
    if (e instanceof KustomizeError) return e;
    throw e;
  }
  throw new Error('no error');
}

// Oracle: §9 vector, `namespace: target`, `namePrefix: pre-`, `nameSuffix: -suf`.
const V9_INPUT = `apiVersion: v1
kind: Namespace
metadata:
  name: original
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: foos.example.com
spec:
  group: example.com
  names:
    kind: Foo
    plural: foos
  scope: Namespaced
  conversion:
    strategy: Webhook
    webhook:
      clientConfig:
        service:
          name: conv
          namespace: other
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: sa
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cr
rules:
- apiGroups: [""]
  resources: ["configmaps"]
  resourceNames: ["cm"]
  verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: crb
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cr
subjects:
- kind: ServiceAccount
  name: default
  namespace: old
- kind: ServiceAccount
  name: sa
  namespace: whatever
- kind: ServiceAccount
  name: sa
---
apiVersion: v1
kind: Service
metadata:
  name: svc
  namespace: other
spec:
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dep
spec:
  template:
    spec:
      serviceAccountName: sa
      containers:
      - name: c
        image: nginx
        envFrom:
        - configMapRef:
            name: cm
---
apiVersion: example.com/v1
kind: Foo
metadata:
  name: foo
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing
spec:
  ingressClassName: ic
  defaultBackend:
    service:
      name: svc
      port:
        number: 80
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: svc
            port:
              number: 80
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: ic
spec:
  controller: x
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1.foo.example.com
spec:
  service:
    name: svc
`;
const V9_OUTPUT = `apiVersion: v1
kind: Namespace
metadata:
  name: target
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: foos.example.com
spec:
  conversion:
    strategy: Webhook
    webhook:
      clientConfig:
        service:
          name: conv
          namespace: target
  group: example.com
  names:
    kind: Foo
    plural: foos
  scope: Namespaced
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: pre-sa-suf
  namespace: target
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: pre-cr-suf
rules:
- apiGroups:
  - ""
  resourceNames:
  - pre-cm-suf
  resources:
  - configmaps
  verbs:
  - get
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: pre-crb-suf
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: pre-cr-suf
subjects:
- kind: ServiceAccount
  name: default
  namespace: target
- kind: ServiceAccount
  name: sa
  namespace: whatever
- kind: ServiceAccount
  name: pre-sa-suf
  namespace: target
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: pre-cm-suf
  namespace: target
---
apiVersion: v1
kind: Service
metadata:
  name: pre-svc-suf
  namespace: target
spec:
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: pre-dep-suf
  namespace: target
spec:
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: pre-cm-suf
        image: nginx
        name: c
      serviceAccountName: pre-sa-suf
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1.foo.example.com
spec:
  service:
    name: pre-svc-suf
    namespace: target
---
apiVersion: example.com/v1
kind: Foo
metadata:
  name: pre-foo-suf
  namespace: target
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: pre-ing-suf
  namespace: target
spec:
  defaultBackend:
    service:
      name: pre-svc-suf
      port:
        number: 80
  ingressClassName: ic
  rules:
  - http:
      paths:
      - backend:
          service:
            name: pre-svc-suf
            port:
              number: 80
        path: /
        pathType: Prefix
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: pre-ic-suf
spec:
  controller: x
`;

// Oracle: base a (namePrefix a-), base b (namePrefix b-, namespace bns), top (nameSuffix -top).
const NR_A = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
---
apiVersion: v1
kind: Secret
metadata:
  name: sec
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
---
apiVersion: v1
kind: Pod
metadata:
  name: pod
spec:
  containers:
  - name: c
    image: i
    envFrom:
    - configMapRef:
        name: cm
    - secretRef:
        name: sec
`;
const NR_B = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: sa
---
apiVersion: v1
kind: Pod
metadata:
  name: pod
spec:
  serviceAccountName: sa
  volumes:
  - name: v
    configMap:
      name: cm
  - name: p
    projected:
      sources:
      - configMap:
          name: cm
      - secret:
          name: sec
`;
const NR_TOP = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb1
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: reader
subjects:
- kind: ServiceAccount
  name: sa
  namespace: bns
- kind: ServiceAccount
  name: sa
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb2
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: reader
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: vwc
webhooks:
- name: w
  clientConfig:
    service:
      name: svc
      namespace: default
- name: w2
  clientConfig:
    service:
      name: svc
---
apiVersion: v1
kind: Service
metadata:
  name: svc
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: hpa
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: dep
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dep
spec:
  template:
    spec:
      containers:
      - name: c
        image: i
        env:
        - name: X
          valueFrom:
            configMapKeyRef:
              name: cm
              key: k
`;
const NR_OUTPUT = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: b-sa-top
  namespace: bns
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: a-reader-top
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: b-reader-top
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb1-top
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: b-reader-top
subjects:
- kind: ServiceAccount
  name: b-sa-top
  namespace: bns
- kind: ServiceAccount
  name: b-sa-top
  namespace: bns
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb2-top
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: a-reader-top
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b-cm-top
  namespace: bns
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: a-cm-top
---
apiVersion: v1
kind: Secret
metadata:
  name: a-sec-top
---
apiVersion: v1
kind: Service
metadata:
  name: svc-top
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dep-top
spec:
  template:
    spec:
      containers:
      - env:
        - name: X
          valueFrom:
            configMapKeyRef:
              key: k
              name: a-cm-top
        image: i
        name: c
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: hpa-top
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: dep-top
---
apiVersion: v1
kind: Pod
metadata:
  name: b-pod-top
  namespace: bns
spec:
  serviceAccountName: b-sa-top
  volumes:
  - configMap:
      name: b-cm-top
    name: v
  - name: p
    projected:
      sources:
      - configMap:
          name: b-cm-top
      - secret:
          name: sec
---
apiVersion: v1
kind: Pod
metadata:
  name: a-pod-top
spec:
  containers:
  - envFrom:
    - configMapRef:
        name: a-cm-top
    - secretRef:
        name: a-sec-top
    image: i
    name: c
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: vwc-top
webhooks:
- clientConfig:
    service:
      name: svc-top
      namespace: default
  name: w
- clientConfig:
    service:
      name: svc-top
  name: w2
`;

// Oracle: base a (namePrefix a-: Role reader, ConfigMap cm, Deployment d), base b
// (namePrefix b-: ClusterRole reader, ConfigMap cm, Deployment d), top without transformers.
const RR_A = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      volumes:
      - name: v
        configMap:
          name: cm
`;
const RR_B = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      volumes:
      - name: v
        configMap:
          name: cm
`;
const RR_TOP = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: to-cluster-role
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: reader
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: to-role
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: reader
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: plain
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: i
    envFrom:
    - configMapRef:
        name: plain
`;
const RR_OUTPUT = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: a-reader
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: b-reader
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: to-cluster-role
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: b-reader
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: to-role
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: a-reader
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: a-cm
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b-cm
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: plain
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: a-d
spec:
  template:
    spec:
      volumes:
      - configMap:
          name: a-cm
        name: v
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: b-d
spec:
  template:
    spec:
      volumes:
      - configMap:
          name: b-cm
        name: v
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - envFrom:
    - configMapRef:
        name: plain
    image: i
    name: c
`;

// Oracle: `namePrefix: p-` over a Role whose resourceNames mix names, numbers, nulls and maps.
const ROLE_INPUT = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
rules:
- resourceNames: [cm, 5, null, {name: cm}, {name: cm, namespace: default}, {name: cm, namespace: zz}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
`;
const ROLE_OUTPUT = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: p-r
rules:
- resourceNames:
  - p-cm
  - 5
  - null
  - name: p-cm
  - name: p-cm
    namespace: default
  - name: cm
    namespace: zz
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: p-cm
`;

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n';

describe('fixNameReferences', () => {
  it('§9: namespace + prefix + suffix across Namespace/CRD/SA/RBAC/Service/Deployment/CR/Ingress/IngressClass', () => {
    const m = resMapFromYaml(V9_INPUT);
    runTransformers(m, { namespace: 'target', namePrefix: 'pre-', nameSuffix: '-suf' });
    fixNameReferences(m);
    const { got, want } = sortedForCompare(m, V9_OUTPUT);
    expect(got).toEqual(want);
    // The IngressClass entry of the default config has group "networking.k8s.io/v1": never updated.
    const ing = objectsOf(m).find((o) => o.kind === 'Ingress') as YamlMap;
    expect((ing.spec as YamlMap).ingressClassName).toBe('ic');
  });

  it('follows renames through bases: pod templates, projected volumes, subjects, roleRef, webhooks, HPA', () => {
    const m = build(
      [
        { yaml: NR_A, k: { namePrefix: 'a-' } },
        { yaml: NR_B, k: { namePrefix: 'b-', namespace: 'bns' } },
      ],
      { yaml: NR_TOP, k: { nameSuffix: '-top' } },
    );
    const { got, want } = sortedForCompare(m, NR_OUTPUT);
    expect(got).toEqual(want);
  });

  it('uses roleRef kind to pick Role vs ClusterRole, and prefixes to pick among same-named ConfigMaps', () => {
    const m = build(
      [
        { yaml: RR_A, k: { namePrefix: 'a-' } },
        { yaml: RR_B, k: { namePrefix: 'b-' } },
      ],
      { yaml: RR_TOP, k: {} },
    );
    const { got, want } = sortedForCompare(m, RR_OUTPUT);
    expect(got).toEqual(want);
  });

  it('rewrites Role resourceNames element by element', () => {
    const m = resMapFromYaml(ROLE_INPUT);
    runTransformers(m, { namePrefix: 'p-' });
    fixNameReferences(m);
    const { got, want } = sortedForCompare(m, ROLE_OUTPUT);
    expect(got).toEqual(want);
  });

  // [verified] "... visit traversal on path: [resourceNames]: ... is expected to be either a string or a map of string"
  it('rejects nested lists in a name list', () => {
    const m = resMapFromYaml(ROLE_INPUT.replace('[cm, 5,', '[[cm], 5,'));
    runTransformers(m, { namePrefix: 'p-' });
    const err = errorOf(() => fixNameReferences(m));
    expect(err.code).toBe('NameReference');
    expect(err.message).toMatch(
      /^updating name reference in 'rules\/resourceNames' field of 'Role.v1.rbac.authorization.k8s.io\/p-r.\[noNs\]': considering field 'rules\/resourceNames' of object Role.v1.rbac.authorization.k8s.io\/p-r.\[noNs\]: visit traversal on path: \[resourceNames\]: .* is expected to be either a string or a map of string$/,
    );
  });

  // [verified] bases a (namePrefix a-) and b (namePrefix b-) both with ConfigMap cm, top
  // `namePrefix: p-` with a Pod referring to cm.
  it('fails on ambiguous referrals', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: x
    envFrom:
    - configMapRef:
        name: cm
`;
    const err = errorOf(() =>
      build(
        [
          { yaml: CM, k: { namePrefix: 'a-' } },
          { yaml: CM, k: { namePrefix: 'b-' } },
        ],
        { yaml: pod, k: { namePrefix: 'p-' } },
      ),
    );
    expect(err.code).toBe('NameReference');
    expect(err.message.split('\n')[0]).toBe(
      "updating name reference in 'spec/containers/envFrom/configMapRef/name' field of 'Pod.v1.[noGrp]/p-p.[noNs]': considering field 'spec/containers/envFrom/configMapRef/name' of object Pod.v1.[noGrp]/p-p.[noNs]: visit traversal on path: [envFrom configMapRef name]: visit traversal on path: [configMapRef name]: found multiple possible referrals: ConfigMap.v1.[noGrp]/p-a-cm.[noNs], ConfigMap.v1.[noGrp]/p-b-cm.[noNs]",
    );
  });

  // [verified] ConfigMaps cm in namespaces nsx and nsy, `namePrefix: p-` on top of a
  // ClusterRole: a name list takes the first (same names), a {name} map is ambiguous.
  it('takes the first of identically named candidates for scalars, not for maps', () => {
    const cr = (names: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cr
rules:
- resourceNames: ${names}
`;
    const levels = [
      { yaml: CM, k: { namespace: 'nsx' } },
      { yaml: CM, k: { namespace: 'nsy' } },
    ];
    const m = build(levels, { yaml: cr('[cm]'), k: { namePrefix: 'p-' } });
    expect(objectsOf(m).find((o) => o.kind === 'ClusterRole')?.rules).toEqual([
      { resourceNames: ['p-cm'] },
    ]);
    const err = errorOf(() => build(levels, { yaml: cr('[{name: cm}]'), k: { namePrefix: 'p-' } }));
    expect(err.message).toMatch(
      /found multiple possible referrals: ConfigMap.v1.\[noGrp\]\/p-cm.nsx, ConfigMap.v1.\[noGrp\]\/p-cm.nsy/,
    );
  });

  it('never touches references to resources that were not renamed', () => {
    const m = resMapFromYaml(`${CM}---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {volumes: [{name: v, configMap: {name: cm}}]}
`);
    fixNameReferences(m);
    expect(objectsOf(m)[1]?.spec).toEqual({ volumes: [{ name: 'v', configMap: { name: 'cm' } }] });
  });

  it('records the referrer on the referral (refBy)', () => {
    const m = resMapFromYaml(`${CM}---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {volumes: [{name: v, configMap: {name: cm}}]}
`);
    runTransformers(m, { namePrefix: 'x-' });
    fixNameReferences(m);
    expect(m.resources[0]?.refBy).toEqual([
      { group: '', version: 'v1', kind: 'Pod', name: 'x-p', namespace: '' },
    ]);
  });
  // [verified] "Invalid Input: namespace is blank for resource ..." for a RoleBinding
  // ServiceAccount subject whose namespace is present but not a string; other kinds pass.
  it('rejects a RoleBinding ServiceAccount subject with a blank namespace', () => {
    const rb = (kind: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: test}
subjects:
- {kind: ${kind}, name: test, namespace: null}
roleRef: {kind: Role, name: test, apiGroup: rbac.authorization.k8s.io}
`;
    const err = errorOf(() => fixNameReferences(resMapFromYaml(rb('ServiceAccount'))));
    expect(err.message).toBe(
      'Invalid Input: namespace is blank for resource "RoleBinding.v1.rbac.authorization.k8s.io/test.[noNs]"',
    );
    expect(() => fixNameReferences(resMapFromYaml(rb('User')))).not.toThrow();
  });
  // [verified] diamonds of prefixes and suffixes (a Pod under `a/svc` with nameSuffix -api,
  // inside `a` with namePrefix a-; ConfigMaps cm elsewhere). Candidates are sieved first with
  // empty prefix/suffix lists matching anything, then exactly.
  describe('prefix/suffix disambiguation', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: [{name: c, envFrom: [{configMapRef: {name: cm}}]}]}
`;
    function tree(other: { yaml: string; k: KustomizationFields }[]): string {
      const a = resMapFromYaml(CM);
      const svc = resMapFromYaml(pod);
      runTransformers(svc, { nameSuffix: '-api' });
      a.appendAll(svc);
      runTransformers(a, { namePrefix: 'a-' });
      const m = new ResMap(builtinSchema);
      m.appendAll(a);
      for (const o of other) {
        const sub = resMapFromYaml(o.yaml);
        runTransformers(sub, o.k);
        m.appendAll(sub);
      }
      fixNameReferences(m);
      const p = objectsOf(m).find((o) => o.kind === 'Pod') as YamlMap;
      return JSON.stringify((p.spec as YamlMap).containers);
    }
    it("a ConfigMap with the referrer's prefix and no suffix wins over one with another prefix", () => {
      expect(tree([{ yaml: CM, k: { namePrefix: 'b-' } }])).toContain('"name":"a-cm"');
    });
    it('an exact prefix and suffix match wins when the coarse pass leaves several', () => {
      expect(tree([{ yaml: CM, k: { namePrefix: 'a-', nameSuffix: '-api' } }])).toContain(
        '"name":"a-cm-api"',
      );
    });
    it('nothing changes when the coarse pass keeps several and the exact one none', () => {
      expect(tree([{ yaml: CM, k: { nameSuffix: '-api' } }])).toContain('"name":"cm"');
    });
  });
});
