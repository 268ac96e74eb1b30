import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { applyNamespace, fixNameReferences } from '../../src/transformers/index.js';
import { fs, objectsOf, resMapFromYaml, sortedForCompare } from './helpers.js';

// Oracle: `kubectl kustomize` (kustomize v5.5.0) with `namespace: target`.
const INPUT = `apiVersion: v1
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
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: vwc
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: vap
---
apiVersion: example.com/v1
kind: Namespace
metadata:
  name: notcore
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
  namespace: elsewhere
subjects:
- kind: ServiceAccount
  name: default
- name: default
  namespace: x
- kind: Group
  name: devs
`;
const OUTPUT = `apiVersion: v1
kind: Namespace
metadata:
  name: target
---
apiVersion: example.com/v1
kind: Namespace
metadata:
  name: notcore
  namespace: target
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
  name: sa
  namespace: target
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cr
rules:
- apiGroups:
  - ""
  resourceNames:
  - cm
  resources:
  - configmaps
  verbs:
  - get
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
  namespace: target
subjects:
- kind: ServiceAccount
  name: default
  namespace: target
- name: default
  namespace: target
- kind: Group
  name: devs
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
  namespace: target
- kind: ServiceAccount
  name: sa
  namespace: whatever
- kind: ServiceAccount
  name: sa
  namespace: target
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
  namespace: target
---
apiVersion: v1
kind: Service
metadata:
  name: svc
  namespace: target
spec:
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dep
  namespace: target
spec:
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cm
        image: nginx
        name: c
      serviceAccountName: sa
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: vap
  namespace: target
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1.foo.example.com
spec:
  service:
    name: svc
    namespace: target
---
apiVersion: example.com/v1
kind: Foo
metadata:
  name: foo
  namespace: target
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing
  namespace: target
spec:
  defaultBackend:
    service:
      name: svc
      port:
        number: 80
  ingressClassName: ic
  rules:
  - http:
      paths:
      - backend:
          service:
            name: svc
            port:
              number: 80
        path: /
        pathType: Prefix
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: ic
spec:
  controller: x
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: vwc
`;

// Oracle: a builtin NamespaceTransformer with `unsetOnly: true`,
// `setRoleBindingSubjects: allServiceAccounts` and only the Namespace `metadata/name` spec.
const OPTIONS_INPUT = `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
  namespace: keep
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
---
apiVersion: v1
kind: Namespace
metadata:
  name: old
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
  namespace: ""
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: r
subjects:
- kind: ServiceAccount
  name: default
- kind: ServiceAccount
  name: other
  namespace: there
- kind: User
  name: default
- kind: ServiceAccount
  name: x
  namespace: ""
`;
const OPTIONS_OUTPUT = `apiVersion: v1
kind: Namespace
metadata:
  name: old
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
  namespace: newns
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: r
subjects:
- kind: ServiceAccount
  name: default
  namespace: newns
- kind: ServiceAccount
  name: other
  namespace: there
- kind: User
  name: default
- kind: ServiceAccount
  name: x
  namespace: newns
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: a
  namespace: keep
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
  namespace: newns
`;

describe('applyNamespace', () => {
  it('matches kubectl kustomize for namespace: target', () => {
    const m = resMapFromYaml(INPUT);
    applyNamespace(m, 'target');
    fixNameReferences(m); // kustomize always runs it at the root
    const { got, want } = sortedForCompare(m, OUTPUT);
    expect(got).toEqual(want);
  });

  it('renames v1 Namespaces, skips cluster-scoped kinds, namespaces every CR', () => {
    const m = resMapFromYaml(INPUT);
    applyNamespace(m, 'target');
    const byName = new Map(
      objectsOf(m).map((o) => [
        `${String(o.kind)}/${String((o.metadata as { name: string }).name)}`,
        o,
      ]),
    );
    expect(byName.get('Namespace/target')?.metadata).toEqual({ name: 'target' });
    expect(byName.get('Namespace/notcore')?.metadata).toEqual({
      name: 'notcore',
      namespace: 'target',
    });
    expect(byName.get('IngressClass/ic')?.metadata).toEqual({ name: 'ic' });
    expect(byName.get('ValidatingWebhookConfiguration/vwc')?.metadata).toEqual({ name: 'vwc' });
    // Not in the v1.21.2 schema, hence namespaced.
    expect(byName.get('ValidatingAdmissionPolicy/vap')?.metadata).toEqual({
      name: 'vap',
      namespace: 'target',
    });
    expect(byName.get('ClusterRoleBinding/crb')?.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'default', namespace: 'target' },
      { kind: 'ServiceAccount', name: 'sa', namespace: 'whatever' },
      { kind: 'ServiceAccount', name: 'sa' },
    ]);
    const ns = m.resources.find((r) => r.kind === 'Namespace' && r.name === 'target');
    expect(ns?.previousNames).toEqual([
      { namespace: '_non_namespaceable_', name: 'original', kind: 'Namespace' },
    ]);
    const sa = m.resources.find((r) => r.kind === 'ServiceAccount');
    expect(sa?.previousNames).toEqual([
      { namespace: 'default', name: 'sa', kind: 'ServiceAccount' },
    ]);
  });

  it('honours unsetOnly and setRoleBindingSubjects', () => {
    const m = resMapFromYaml(OPTIONS_INPUT);
    applyNamespace(m, 'newns', [fs('metadata/name', { kind: 'Namespace', create: true })], {
      unsetOnly: true,
      setRoleBindingSubjects: 'allServiceAccounts',
    });
    fixNameReferences(m);
    const { got, want } = sortedForCompare(m, OPTIONS_OUTPUT);
    expect(got).toEqual(want);
  });

  it('setRoleBindingSubjects: none leaves subjects alone', () => {
    const m = resMapFromYaml(
      'kind: RoleBinding\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: rb}\nsubjects: [{name: default}]',
    );
    applyNamespace(m, 'n', [], { setRoleBindingSubjects: 'none' });
    expect(objectsOf(m)[0]?.subjects).toEqual([{ name: 'default' }]);
  });

  // [verified] "namespace transformation produces ID conflict: [...]"
  it('fails when two resources end up with the same id', () => {
    const m = resMapFromYaml(`apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: a}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: b}
`);
    let err: unknown;
    try {
      applyNamespace(m, 't');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KustomizeError);
    expect((err as KustomizeError).code).toBe('DuplicateResourceId');
    expect((err as KustomizeError).message).toMatch(
      /^namespace transformation produces ID conflict/,
    );
  });

  it('does nothing for an empty namespace', () => {
    const m = resMapFromYaml('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}');
    applyNamespace(m, '');
    expect(m.resources[0]?.previousNames).toEqual([]);
    expect(objectsOf(m)[0]?.metadata).toEqual({ name: 'cm' });
  });

  it('namespace field specs must reach scalars', () => {
    const m = resMapFromYaml(
      'apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata: {name: a}\nspec: {service: {namespace: {x: 1}}}',
    );
    expect(() =>
      applyNamespace(m, 't', [fs('spec/service/namespace', { kind: 'APIService', create: true })]),
    ).toThrow(
      /^namespace field specs must target scalar nodes: considering field 'spec\/service\/namespace'/,
    );
  });
});
