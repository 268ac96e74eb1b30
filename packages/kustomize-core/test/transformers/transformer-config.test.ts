import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import {
  defaultTransformerConfig,
  emptyTransformerConfig,
  fixNameReferences,
  makeTransformerConfig,
  mergeFieldSpecs,
  mergeTransformerConfig,
  parseTransformerConfig,
  transformerConfigFromCrds,
} from '../../src/transformers/index.js';
import {
  configFromFiles,
  fs,
  objectsOf,
  resMapFromYaml,
  runTransformers,
  sortedForCompare,
} from './helpers.js';

function errorOf(f: () => void): KustomizeError {
  try {
    f();
  } catch (e) {
    if (e instanceof KustomizeError) return e;
    throw e;
  }
  throw new Error('no error');
}

const FOO_AND_CM = `apiVersion: example.com/v1
kind: Foo
metadata:
  name: foo
spec:
  ref: cm
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
`;

/** Names after `namePrefix: p-` (and name references) with these configurations. */
function namesWith(configs: string[]): string[] {
  const m = resMapFromYaml(FOO_AND_CM);
  runTransformers(m, { namePrefix: 'p-' }, configFromFiles(configs));
  fixNameReferences(m, configFromFiles(configs).nameReference);
  return objectsOf(m).map(
    (o) => `${String((o.metadata as { name: string }).name)} ${JSON.stringify(o.spec ?? null)}`,
  );
}

describe('default config', () => {
  it('is kustomize v5.5 data sorted by GVK', () => {
    const c = defaultTransformerConfig();
    expect(c.replicas.map((f) => f.kind)).toEqual([
      'Deployment',
      'StatefulSet',
      'ReplicaSet',
      'ReplicationController',
    ]);
    expect(c.nameReference.slice(0, 4).map((n) => n.kind)).toEqual([
      'StorageClass',
      'ServiceAccount',
      'Role',
      'ClusterRole',
    ]);
    expect(c.labels).toEqual([]);
    expect(c.namePrefix).toEqual([fs('metadata/name')]);
  });
});

describe('merging field specs (FsSlice.MergeOne)', () => {
  it('drops an incoming spec whose GVK selects an existing one with the same path', () => {
    const specific = fs('metadata/name', { kind: 'Foo' });
    const general = fs('metadata/name');
    expect(mergeFieldSpecs([specific], [general])).toEqual([specific]);
    expect(mergeFieldSpecs([general], [specific])).toEqual([general, specific]);
    expect(mergeFieldSpecs([general], [fs('spec/x')])).toEqual([general, fs('spec/x')]);
    expect(() => mergeFieldSpecs([general], [fs('metadata/name', { create: true })])).toThrow(
      'conflicting fieldspecs',
    );
  });
});

describe('configurations (oracle: namePrefix p- over a Foo referring to ConfigMap cm)', () => {
  it('a nameReference entry fixes a custom field; keys match case-insensitively', () => {
    expect(
      namesWith([
        `NameReference:\n- Kind: ConfigMap\n  FieldSpecs:\n  - kind: Foo\n    path: spec/ref\n`,
      ]),
    ).toEqual(['p-foo {"ref":"p-cm"}', 'p-cm null']);
  });

  // [verified] a specific metadata/name spec replaces the default one once merged into the accumulator.
  it('a kind-specific namePrefix spec narrows the prefix to that kind', () => {
    expect(namesWith([`namePrefix:\n- path: metadata/name\n  kind: ConfigMap\n`])).toEqual([
      'foo {"ref":"cm"}',
      'p-cm null',
    ]);
    expect(namesWith([`namePrefix:\n- path: metadata/name\n  kind: Bar\n`])).toEqual([
      'foo {"ref":"cm"}',
      'cm null',
    ]);
  });

  it('a spec with another path adds to the defaults', () => {
    expect(namesWith([`namePrefix:\n- path: spec/ref\n  kind: Foo\n`])).toEqual([
      'p-foo {"ref":"p-cm"}',
      'p-cm null',
    ]);
  });

  // [verified] "failed to merge NamePrefix fieldSpec: conflicting fieldspecs"
  it('a conflicting create flag is an error', () => {
    const err = errorOf(() =>
      configFromFiles([`namePrefix:\n- path: metadata/name\n  create: true\n`]),
    );
    expect(err.code).toBe('TransformerConfig');
    expect(err.message).toBe('failed to merge NamePrefix fieldSpec: conflicting fieldspecs');
  });

  // [verified] 'error unmarshaling JSON: while decoding JSON: json: unknown field "bogus"'
  it('parses strictly', () => {
    const err = errorOf(() => parseTransformerConfig({ bogus: 1 }, 'c.yaml'));
    expect(err.code).toBe('TransformerConfig');
    expect(err.message).toBe(
      'error unmarshaling JSON: while decoding JSON: json: unknown field "bogus"',
    );
    expect(() =>
      parseTransformerConfig(
        { nameReference: [{ kind: 'X', fieldSpecs: [{ path: 'a', bogus: 'x' }] }] },
        'c.yaml',
      ),
    ).toThrow('json: unknown field "bogus"');
    expect(() =>
      parseTransformerConfig({ images: [{ path: 'a', create: 'yes' }] }, 'c.yaml'),
    ).toThrow(/cannot unmarshal string/);
    expect(parseTransformerConfig(null, 'c.yaml')).toEqual(emptyTransformerConfig());
  });

  // [verified] base `configurations: [namePrefix: [{path: metadata/name, kind: Foo}]]`, overlay
  // `namePrefix: o-` without configurations: only Foo gets the overlay prefix.
  it("a base's configuration reaches its parents", () => {
    const base = configFromFiles([`namePrefix:\n- path: metadata/name\n  kind: Foo\n`]);
    const overlay = mergeTransformerConfig(
      mergeTransformerConfig(emptyTransformerConfig(), base),
      makeTransformerConfig([]),
    );
    const m = resMapFromYaml(FOO_AND_CM);
    runTransformers(m, {}, base);
    runTransformers(m, { namePrefix: 'o-' }, overlay);
    fixNameReferences(m, overlay.nameReference);
    expect(m.resources.map((r) => r.name)).toEqual(['o-foo', 'cm']);
  });
});

// Conformance case crd_test__TestCrdWithOverlay (its patch left out: Bee keeps `action: fly`).
const CRD_JSON = `
{
  "github.com/example/pkg/apis/jingfang/v1beta1.Bee": {
    "Schema": {
      "description": "Bee",
      "properties": {
        "apiVersion": {
          "description": "APIVersion defines the versioned schema of this representation of an object.",
          "type": "string"
        },
        "kind": {
          "description": "Kind is a string value representing the REST resource this object represents.",
          "type": "string"
        },
        "metadata": {
          "$ref": "k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta"
        },
        "spec": {
          "$ref": "github.com/example/pkg/apis/jingfang/v1beta1.BeeSpec"
        },
        "status": {
          "$ref": "github.com/example/pkg/apis/jingfang/v1beta1.BeeStatus"
        }
      }
    },
    "Dependencies": [
      "github.com/example/pkg/apis/jingfang/v1beta1.BeeSpec",
      "github.com/example/pkg/apis/jingfang/v1beta1.BeeStatus",
      "k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta"
    ]
  },
  "github.com/example/pkg/apis/jingfang/v1beta1.BeeList": {
    "Schema": {
      "required": [
        "items"
      ],
      "properties": {
        "apiVersion": {
          "description": "APIVersion defines the versioned schema of this representation of an object.",
          "type": "string"
        },
        "items": {
          "type": "array",
          "items": {
            "$ref": "github.com/example/pkg/apis/jingfang/v1beta1.Bee"
          }
        },
        "kind": {
          "description": "Kind is a string value representing the REST resource this object represents.",
          "type": "string"
        },
        "metadata": {
          "$ref": "k8s.io/apimachinery/pkg/apis/meta/v1.ListMeta"
        }
      }
    },
    "Dependencies": [
      "github.com/example/pkg/apis/jingfang/v1beta1.Bee",
      "k8s.io/apimachinery/pkg/apis/meta/v1.ListMeta"
    ]
  },
  "github.com/example/pkg/apis/jingfang/v1beta1.BeeObjectReference": {
    "Schema": {
      "properties": {
        "name": {
          "type": "string"
        }
      }
    },
    "Dependencies": []
  },
  "github.com/example/pkg/apis/jingfang/v1beta1.BeeSpec": {
    "Schema": {
      "description": "BeeSpec defines the desired state of Bee"
    },
    "Dependencies": []
  },
  "github.com/example/pkg/apis/jingfang/v1beta1.BeeStatus": {
    "Schema": {
      "description": "BeeStatus defines the observed state of Bee"
    },
    "Dependencies": []
  },
  "github.com/example/pkg/apis/jingfang/v1beta1.MyKind": {
    "Schema": {
      "description": "MyKind",
      "properties": {
        "apiVersion": {
          "description": "APIVersion defines the versioned schema of this representation of an object.",
          "type": "string"
        },
        "kind": {
          "description": "Kind is a string value representing the REST resource this object represents.",
          "type": "string"
        },
        "metadata": {
          "$ref": "k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta"
        },
        "spec": {
          "$ref": "github.com/example/pkg/apis/jingfang/v1beta1.MyKindSpec"
        },
        "status": {
          "$ref": "github.com/example/pkg/apis/jingfang/v1beta1.MyKindStatus"
        }
      }
    },
    "Dependencies": [
      "github.com/example/pkg/apis/jingfang/v1beta1.MyKindSpec",
      "github.com/example/pkg/apis/jingfang/v1beta1.MyKindStatus",
      "k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta"
    ]
  },
  "github.com/example/pkg/apis/jingfang/v1beta1.MyKindList": {
    "Schema": {
      "required": [
        "items"
      ],
      "properties": {
        "apiVersion": {
          "description": "APIVersion defines the versioned schema of this representation of an object.",
          "type": "string"
        },
        "items": {
          "type": "array",
          "items": {
            "$ref": "github.com/example/pkg/apis/jingfang/v1beta1.MyKind"
          }
        },
        "kind": {
          "description": "Kind is a string value representing the REST resource this object represents.",
          "type": "string"
        },
        "metadata": {
          "$ref": "k8s.io/apimachinery/pkg/apis/meta/v1.ListMeta"
        }
      }
    },
    "Dependencies": [
      "github.com/example/pkg/apis/jingfang/v1beta1.MyKind",
      "k8s.io/apimachinery/pkg/apis/meta/v1.ListMeta"
    ]
  },
  "github.com/example/pkg/apis/jingfang/v1beta1.MyKindSpec": {
    "Schema": {
      "description": "MyKindSpec defines the desired state of MyKind",
      "properties": {
        "beeRef": {
          "x-kubernetes-object-ref-api-version": "v1beta1",
          "x-kubernetes-object-ref-kind": "Bee",
          "$ref": "github.com/example/pkg/apis/jingfang/v1beta1.BeeObjectReference"
        },
        "secretRef": {
          "description": "If defined, use this secret for configuring the MYSQL_ROOT_PASSWORD",
          "x-kubernetes-object-ref-api-version": "v1",
          "x-kubernetes-object-ref-kind": "Secret",
          "$ref": "k8s.io/api/core/v1.LocalObjectReference"
        }
      }
    },
    "Dependencies": [
      "github.com/example/pkg/apis/jingfang/v1beta1.BeeObjectReference",
      "k8s.io/api/core/v1.LocalObjectReference"
    ]
  },
  "github.com/example/pkg/apis/jingfang/v1beta1.MyKindStatus": {
    "Schema": {
      "description": "MyKindStatus defines the observed state of MyKind"
    },
    "Dependencies": []
  }
}
`;
const CRD_BASE = `
apiVersion: v1
kind: Secret
metadata:
  name: crdsecret
data:
  PATH: yellowBrickRoad
---
apiVersion: jingfang.example.com/v1
kind: MyKind
metadata:
  name: mykind
spec:
  secretRef:
    name: crdsecret
  beeRef:
    name: bee
---
apiVersion: v1beta1
kind: Bee
metadata:
  name: bee
spec:
  action: fly
`;
const CRD_OUTPUT = `apiVersion: v1
data:
  PATH: yellowBrickRoad
kind: Secret
metadata:
  name: prod-x-crdsecret
---
apiVersion: jingfang.example.com/v1
kind: MyKind
metadata:
  name: prod-x-mykind
spec:
  beeRef:
    name: prod-x-bee
  secretRef:
    name: prod-x-crdsecret
---
apiVersion: v1beta1
kind: Bee
metadata:
  name: prod-x-bee
spec:
  action: fly
`;

describe('transformerConfigFromCrds', () => {
  it('turns x-kubernetes-object-ref-* extensions into name references', () => {
    const crds = transformerConfigFromCrds([JSON.parse(CRD_JSON)], 'mycrd.json');
    expect(crds.nameReference).toEqual([
      {
        group: '',
        version: 'v1',
        kind: 'Secret',
        referrers: [fs('spec/secretRef/name', { kind: 'MyKind' })],
      },
      {
        group: '',
        version: 'v1beta1',
        kind: 'Bee',
        referrers: [fs('spec/beeRef/name', { kind: 'MyKind' })],
      },
    ]);
    const base = mergeTransformerConfig(
      mergeTransformerConfig(emptyTransformerConfig(), makeTransformerConfig([])),
      crds,
    );
    const overlay = mergeTransformerConfig(
      mergeTransformerConfig(emptyTransformerConfig(), base),
      makeTransformerConfig([]),
    );
    const m = resMapFromYaml(CRD_BASE);
    runTransformers(m, { namePrefix: 'x-' }, base);
    runTransformers(m, { namePrefix: 'prod-' }, overlay);
    fixNameReferences(m, overlay.nameReference);
    const { got, want } = sortedForCompare(m, CRD_OUTPUT);
    expect(got).toEqual(want);
  });

  it('reads labels, annotations and identity extensions', () => {
    const c = transformerConfigFromCrds(
      [
        {
          'x.v1.Thing': {
            schema: {
              properties: {
                kind: {},
                apiVersion: {},
                metadata: {},
                spec: { $ref: 'x.v1.ThingSpec' },
              },
            },
          },
          'x.v1.ThingSpec': {
            Schema: {
              properties: {
                sel: { 'x-kubernetes-label-selector': '' },
                notes: { 'X-Kubernetes-Annotation': '' },
                id: { 'x-kubernetes-identity': '' },
                notString: { 'x-kubernetes-identity': true },
              },
            },
          },
        },
      ],
      't.yaml',
    );
    expect(c.commonLabels).toEqual([fs('spec/sel', { kind: 'Thing' })]);
    expect(c.commonAnnotations).toEqual([fs('spec/notes', { kind: 'Thing' })]);
    expect(c.namePrefix).toEqual([fs('spec/id', { kind: 'Thing' })]);
  });
});
