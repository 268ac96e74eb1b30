import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { linkScalarFields } from '../../src/filters/scalar-aliases.js';
import { applyReplacements } from '../../src/transformers/replacements/apply-replacements.js';
import type { Replacement } from '../../src/transformers/replacements/types.js';
import { errorOf, objectOf, resmapFromYaml } from './helpers.js';

// Inputs and expected objects below come from `kubectl kustomize` (kustomize v5.5.0) on a
// kustomization `resources: [res.yaml]` + the replacements shown.

const WORKLOADS = `
apiVersion: v1
kind: ConfigMap
metadata: {name: src, namespace: ns1, labels: {tier: a}}
data: {host: a.b.c, port: "8080", num: 42, flt: 1.5, bool: true, empty: "", list: [x, y], map: {k: v}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dep
  labels: {app: web}
spec:
  replicas: 1
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx-a
        image: nginx:1.0
        args: ["--x=1", "--y=2"]
        ports: [{containerPort: 80, name: http}, {containerPort: 443, name: https}]
        env:
        - {name: HOST, value: old.host}
        - {name: PORT, value: "1"}
      - name: sidecar
        image: side:2
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: ns1}
spec:
  ports: [{port: 80, targetPort: http}]
  selector: {app: web}
`;

const POD = `
apiVersion: v1
kind: ConfigMap
metadata:
  name: src
  annotations: {role: source}
data: {host: a.b.c, "yes": "yes", tru: "true", nul: "null", date: "2001-12-14", word: abc, three: "3", map: {k: v}}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
  labels: null
spec:
  list: [1, 2]
  strs: ["a", "b", "3"]
  seqnull:
  n: 5
  f: 1.5
  b: false
  s: str
  items: [{name: nginx-1, v: 1}, {name: nginx-2, v: 2}, {name: other, v: 3}]
`;

function container(over: YamlMap = {}): YamlMap {
  return {
    name: 'nginx-a',
    image: 'nginx:1.0',
    args: ['--x=1', '--y=2'],
    ports: [
      { containerPort: 80, name: 'http' },
      { containerPort: 443, name: 'https' },
    ],
    env: [
      { name: 'HOST', value: 'old.host' },
      { name: 'PORT', value: '1' },
    ],
    ...over,
  };
}

function deployment(
  spec: { replicas?: number; containers?: YamlMap[]; templateMetadata?: YamlValueLike },
  metadata: YamlMap = {},
): YamlMap {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'dep', labels: { app: 'web' }, ...metadata },
    spec: {
      replicas: spec.replicas ?? 1,
      template: {
        metadata: spec.templateMetadata ?? { labels: { app: 'web' } },
        spec: {
          containers: spec.containers ?? [container(), { name: 'sidecar', image: 'side:2' }],
        },
      },
    },
  };
}
type YamlValueLike = YamlMap | number;

function podSpec(over: YamlMap = {}): YamlMap {
  return {
    list: [1, 2],
    strs: ['a', 'b', '3'],
    seqnull: null,
    n: 5,
    f: 1.5,
    b: false,
    s: 'str',
    items: [
      { name: 'nginx-1', v: 1 },
      { name: 'nginx-2', v: 2 },
      { name: 'other', v: 3 },
    ],
    ...over,
  };
}

function run(input: string, replacements: Replacement[]) {
  const rm = resmapFromYaml(input);
  applyReplacements(rm, replacements);
  return rm;
}

describe('applyReplacements: values and types', () => {
  it('copies only the text into scalar targets, keeping their type; list matchers by [key=value]', () => {
    const rm = run(WORKLOADS, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.port' },
        targets: [
          {
            select: { kind: 'Deployment' },
            fieldPaths: [
              'spec.replicas',
              'spec.template.spec.containers.[name=nginx-a].env.[name=PORT].value',
              'spec.template.spec.containers.0.ports.0.containerPort',
            ],
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Deployment', 'dep')).toEqual(
      deployment({
        replicas: 8080,
        containers: [
          container({
            ports: [
              { containerPort: 8080, name: 'http' },
              { containerPort: 443, name: 'https' },
            ],
            env: [
              { name: 'HOST', value: 'old.host' },
              { name: 'PORT', value: '8080' },
            ],
          }),
          { name: 'sidecar', image: 'side:2' },
        ],
      }),
    );
  });

  it('an int source written into string targets becomes a string; int targets stay ints', () => {
    const rm = run(WORKLOADS, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.num' },
        targets: [
          {
            select: { kind: 'Deployment' },
            fieldPaths: ['metadata.labels.app', 'spec.template.spec.containers.1.image'],
          },
          {
            select: { kind: 'Service' },
            fieldPaths: ['spec.ports.0.targetPort', 'spec.ports.0.port'],
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Deployment', 'dep')).toEqual(
      deployment(
        { containers: [container(), { name: 'sidecar', image: '42' }] },
        { labels: { app: '42' } },
      ),
    );
    expect(objectOf(rm, 'Service', 'svc').spec).toEqual({
      ports: [{ port: 42, targetPort: '42' }],
      selector: { app: 'web' },
    });
  });

  it('delimiter and index on source and targets (replace, prepend for index < 0, append past the end)', () => {
    const rm = run(WORKLOADS, [
      {
        source: {
          kind: 'ConfigMap',
          fieldPath: 'data.host',
          options: { delimiter: '.', index: 2 },
        },
        targets: [
          {
            select: { kind: 'Deployment' },
            fieldPaths: ['spec.template.spec.containers.0.image'],
            options: { delimiter: ':', index: 0 },
          },
          {
            select: { kind: 'Deployment' },
            fieldPaths: ['spec.template.spec.containers.1.image'],
            options: { delimiter: ':', index: -5 },
          },
          {
            select: { kind: 'Deployment' },
            fieldPaths: ['spec.template.spec.containers.0.args.1'],
            options: { delimiter: '=', index: 9 },
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Deployment', 'dep')).toEqual(
      deployment({
        containers: [
          container({ image: 'c:1.0', args: ['--x=1', '--y=2=c'] }),
          { name: 'sidecar', image: 'c:side:2' },
        ],
      }),
    );
  });

  it('a target delimiter on an int field keeps it an int; source pieces keep the source type', () => {
    const rm = run(WORKLOADS, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.port' },
        targets: [
          {
            select: { kind: 'Deployment' },
            fieldPaths: ['spec.template.spec.containers.0.args.0'],
            options: { delimiter: '=' },
          },
          {
            select: { kind: 'Deployment' },
            fieldPaths: ['spec.replicas'],
            options: { delimiter: '0', index: 1 },
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Deployment', 'dep')).toEqual(
      deployment({
        replicas: 108080,
        containers: [
          container({ args: ['8080=1', '--y=2'] }),
          { name: 'sidecar', image: 'side:2' },
        ],
      }),
    );

    const rm2 = run(WORKLOADS, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.num', options: { delimiter: '2', index: 0 } },
        targets: [
          {
            select: { kind: 'Deployment' },
            fieldPaths: ['spec.template.metadata', 'spec.replicas'],
          },
        ],
      },
    ]);
    expect(objectOf(rm2, 'Deployment', 'dep')).toEqual(
      deployment({ replicas: 4, templateMetadata: 4 }),
    );
  });

  it('non-scalar values replace whole fields; a scalar target given a mapping gets ""', () => {
    const rm = run(WORKLOADS, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.list' },
        targets: [
          {
            select: { kind: 'Deployment' },
            fieldPaths: [
              'spec.template.spec.containers.0.args',
              'spec.template.spec.containers.1.args',
              'spec.template.spec.containers.1.command.0',
            ],
            options: { create: true },
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Deployment', 'dep')).toEqual(
      deployment({
        containers: [
          container({ args: ['x', 'y'] }),
          { name: 'sidecar', image: 'side:2', args: ['x', 'y'], command: [['x', 'y']] },
        ],
      }),
    );

    const rm2 = run(WORKLOADS, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.map' },
        targets: [
          {
            select: { kind: 'Deployment' },
            fieldPaths: [
              'spec.template.metadata.labels',
              'spec.template.spec.containers.[name=sidecar].image',
            ],
            options: { create: true },
          },
        ],
      },
    ]);
    expect(objectOf(rm2, 'Deployment', 'dep')).toEqual(
      deployment({
        templateMetadata: { labels: { k: 'v' } },
        containers: [container(), { name: 'sidecar', image: '' }],
      }),
    );
  });

  it('created fields have no tag: their text resolves like plain YAML; existing fields keep their type', () => {
    const rm = run(POD, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.yes' },
        targets: [
          { select: { kind: 'Pod' }, fieldPaths: ['spec.c1', 'spec.s'], options: { create: true } },
        ],
      },
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.tru' },
        targets: [
          { select: { kind: 'Pod' }, fieldPaths: ['spec.c2', 'spec.b'], options: { create: true } },
        ],
      },
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.nul' },
        targets: [{ select: { kind: 'Pod' }, fieldPaths: ['spec.c3'], options: { create: true } }],
      },
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.date' },
        targets: [{ select: { kind: 'Pod' }, fieldPaths: ['spec.c4'], options: { create: true } }],
      },
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.three' },
        targets: [
          {
            select: { kind: 'Pod' },
            fieldPaths: ['spec.c5', 'spec.f', 'spec.n'],
            options: { create: true },
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Pod', 'p').spec).toEqual(
      podSpec({
        b: true,
        c1: 'yes',
        c2: true,
        c3: null,
        c4: '2001-12-14T00:00:00Z',
        c5: 3,
        f: 3,
        n: 3,
        s: 'yes',
      }),
    );
  });

  it('text that does not fit the target type fails as kustomize fails when printing', () => {
    expect(
      errorOf(() =>
        run(POD, [
          {
            source: { kind: 'ConfigMap', fieldPath: 'data.word' },
            targets: [{ select: { kind: 'Pod' }, fieldPaths: ['spec.n'] }],
          },
        ]),
      ).message,
    ).toBe('map[string]interface {}(nil): yaml: cannot decode !!str `abc` as a !!int');
    expect(
      errorOf(() =>
        run(POD, [
          {
            source: { kind: 'ConfigMap', fieldPath: 'data.map' },
            targets: [{ select: { kind: 'Pod' }, fieldPaths: ['spec.n', 'spec.b'] }],
          },
        ]),
      ).message,
    ).toBe('map[string]interface {}(nil): yaml: cannot decode !!null `` as a !!int');
  });
});

describe('applyReplacements: target paths', () => {
  it('wildcards, creating list elements by matcher, primitive matchers (unanchored regexps)', () => {
    const rm = run(WORKLOADS, [
      {
        source: { kind: 'ConfigMap', name: 'src', fieldPath: 'data.bool' },
        targets: [
          {
            select: { kind: 'Deployment' },
            fieldPaths: [
              'spec.template.spec.containers.*.tty',
              'spec.template.spec.containers.*.name',
              'spec.template.spec.containers.[name=new].stdin',
              'spec.template.spec.containers.0.args.[=--z]',
              'spec.template.spec.containers.0.args.[=--y]',
            ],
            options: { create: true },
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Deployment', 'dep')).toEqual(
      deployment({
        containers: [
          container({ name: 'true', args: ['--x=1', 'true', true], tty: true }),
          { name: 'true', image: 'side:2', tty: true },
          { name: 'new', stdin: true },
        ],
      }),
    );
  });

  it('creates list elements and lists; [a=1] creates an untyped (int) key value', () => {
    const rm = run(WORKLOADS, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.host' },
        targets: [
          {
            select: { kind: 'Service' },
            fieldPaths: ['spec.ports.[name=new].port', 'spec.newlist.[a=1].b', 'spec.newlist2.0.c'],
            options: { create: true },
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Service', 'svc').spec).toEqual({
      ports: [
        { port: 80, targetPort: 'http' },
        { name: 'new', port: 'a.b.c' },
      ],
      selector: { app: 'web' },
      newlist: [{ a: 1, b: 'a.b.c' }],
      newlist2: [{ c: 'a.b.c' }],
    });

    const rm2 = run(WORKLOADS, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.host' },
        targets: [
          {
            select: { kind: 'Service' },
            fieldPaths: ['spec.ports.[port=80].targetPort', 'spec.ports.[targetPort=ht].name'],
            options: { create: true },
          },
        ],
      },
    ]);
    expect(objectOf(rm2, 'Service', 'svc').spec).toEqual({
      ports: [
        { port: 80, targetPort: 'a.b.c' },
        { targetPort: 'ht', name: 'a.b.c' },
      ],
      selector: { app: 'web' },
    });
  });

  it('creating under null: visible under metadata.annotations only', () => {
    const rm = run(POD, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.host' },
        targets: [
          {
            select: { kind: 'Pod' },
            fieldPaths: [
              'metadata.annotations.x',
              'metadata.annotations.y',
              'metadata.labels.x',
              'spec.seqnull.0',
              'spec.seqnull.[a=b].c',
              'spec.newmap.x',
            ],
            options: { create: true },
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Pod', 'p')).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', annotations: { x: 'a.b.c', y: 'a.b.c' }, labels: null },
      spec: podSpec({ newmap: { x: 'a.b.c' } }),
    });
  });

  it('create with a delimiter splits the empty new field', () => {
    const rm = run(POD, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.host' },
        targets: [
          {
            select: { kind: 'Pod' },
            fieldPaths: ['spec.newd', 'spec.s'],
            options: { create: true, delimiter: '-', index: 1 },
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Pod', 'p').spec).toEqual(podSpec({ newd: '-a.b.c', s: 'str-a.b.c' }));
  });

  it.each<[string, Replacement[], string]>([
    [
      'index past the end',
      [
        {
          source: { kind: 'ConfigMap', fieldPath: 'data.host' },
          targets: [
            {
              select: { kind: 'Service' },
              fieldPaths: ['spec.ports.3.port'],
              options: { create: true },
            },
          ],
        },
      ],
      'unable to find or create field "spec.ports.3.port" in replacement target: index 3 specified but only 1 elements found',
    ],
    [
      'missing field',
      [
        {
          source: { kind: 'ConfigMap', fieldPath: 'data.host' },
          targets: [{ select: { kind: 'Service' }, fieldPaths: ['spec.nope'] }],
        },
      ],
      'unable to find field "spec.nope" in replacement target',
    ],
    [
      'trailing dot',
      [
        {
          source: { kind: 'ConfigMap', fieldPath: 'data.host' },
          targets: [{ select: { kind: 'Service' }, fieldPaths: ['spec.selector.'] }],
        },
      ],
      'unable to find field "spec.selector." in replacement target: wrong node kind: expected ScalarNode but got MappingNode: node contents:\napp: web\n',
    ],
    [
      'field of a scalar',
      [
        {
          source: { kind: 'ConfigMap', fieldPath: 'data.host' },
          targets: [{ select: { kind: 'Service' }, fieldPaths: ['metadata.name.foo'] }],
        },
      ],
      'unable to find field "metadata.name.foo" in replacement target: wrong node kind: expected MappingNode but got ScalarNode: node contents:\nsvc\n',
    ],
    [
      'bad regexp',
      [
        {
          source: { kind: 'ConfigMap', fieldPath: 'data.host' },
          targets: [
            {
              select: { kind: 'Deployment' },
              fieldPaths: ['spec.template.spec.containers.[name=(].image'],
            },
          ],
        },
      ],
      'unable to find field "spec.template.spec.containers.[name=(].image" in replacement target: error parsing regexp: missing closing ): `(`',
    ],
    [
      'matcher without =',
      [
        {
          source: { kind: 'ConfigMap', fieldPath: 'data.host' },
          targets: [{ select: { kind: 'Deployment' }, fieldPaths: ['metadata.[name]'] }],
        },
      ],
      'unable to find field "metadata.[name]" in replacement target: list path element must contain fieldName=fieldValue for element to match',
    ],
    [
      'delimiter on a mapping target',
      [
        {
          source: { kind: 'ConfigMap', fieldPath: 'data.host' },
          targets: [
            {
              select: { kind: 'Deployment' },
              fieldPaths: ['metadata.labels'],
              options: { delimiter: '.' },
            },
          ],
        },
      ],
      'delimiter option can only be used with scalar nodes',
    ],
    [
      'target without select',
      [
        {
          source: { kind: 'ConfigMap', fieldPath: 'data.host' },
          targets: [
            { select: { kind: 'Service' }, fieldPaths: ['spec.selector.app'] },
            { fieldPaths: ['metadata.name'] },
          ],
        },
      ],
      'target must specify resources to select',
    ],
    [
      'no targets',
      [{ source: { kind: 'ConfigMap' }, targets: [] }],
      'replacements must specify a source and at least one target',
    ],
    [
      'no source',
      [{ targets: [{ select: {} }] }],
      'replacements must specify a source and at least one target',
    ],
    [
      'bad label selector',
      [
        {
          source: { kind: 'ConfigMap', fieldPath: 'data.host' },
          targets: [{ select: { kind: 'Service', labelSelector: 'a b' } }],
        },
      ],
      "unable to parse requirement: found 'b', expected: '=', '!=', '==', 'in', notin'",
    ],
  ])('error: %s', (_name, replacements, message) => {
    expect(errorOf(() => run(WORKLOADS, replacements)).message).toBe(message);
  });
});

describe('applyReplacements: sources', () => {
  it('reads list matchers (exact text), indexes and the last element', () => {
    const rm = run(WORKLOADS, [
      {
        source: {
          kind: 'Deployment',
          fieldPath: 'spec.template.spec.containers.[name=sidecar].image',
        },
        targets: [{ select: { kind: 'Service' }, fieldPaths: ['spec.selector.app'] }],
      },
      {
        source: {
          kind: 'Deployment',
          fieldPath: 'spec.template.spec.containers.0.ports.[name=https].containerPort',
        },
        targets: [{ select: { kind: 'Service' }, fieldPaths: ['spec.ports.0.port'] }],
      },
      {
        source: { kind: 'Deployment', fieldPath: 'spec.template.spec.containers.0.args.-' },
        targets: [
          {
            select: { kind: 'Service' },
            fieldPaths: ['spec.ports.0.name'],
            options: { create: true },
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Service', 'svc').spec).toEqual({
      ports: [{ port: 443, targetPort: 'http', name: '--y=2' }],
      selector: { app: 'side:2' },
    });
  });

  it('an earlier replacement changes what a later one reads', () => {
    const rm = run(POD, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.host' },
        targets: [{ select: { kind: 'ConfigMap' }, fieldPaths: ['data.word'] }],
      },
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.word' },
        targets: [{ select: { kind: 'Pod' }, fieldPaths: ['spec.s'] }],
      },
    ]);
    expect(objectOf(rm, 'Pod', 'p').spec).toEqual(podSpec({ s: 'a.b.c' }));
  });

  it.each<[string, Replacement, string]>([
    [
      'missing field',
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.nope' },
        targets: [{ select: { kind: 'Service' } }],
      },
      'fieldPath `data.nope` is missing for replacement source ConfigMap.[noVer].[noGrp]/[noName].[noNs]',
    ],
    [
      'through a scalar',
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.map.k.x' },
        targets: [{ select: { kind: 'Service' } }],
      },
      'error looking up replacement source: wrong node kind: expected MappingNode but got ScalarNode: node contents:\nv\n',
    ],
    [
      'matcher is exact',
      {
        source: {
          kind: 'Deployment',
          fieldPath: 'spec.template.spec.containers.[name=side].image',
        },
        targets: [{ select: { kind: 'Service' } }],
      },
      'fieldPath `spec.template.spec.containers.[name=side].image` is missing for replacement source Deployment.[noVer].[noGrp]/[noName].[noNs]',
    ],
    [
      'negative index',
      {
        source: { kind: 'Deployment', fieldPath: 'spec.template.spec.containers.-1' },
        targets: [{ select: { kind: 'Service' } }],
      },
      'error looking up replacement source: array index -1 cannot be negative',
    ],
    [
      'nothing selected',
      { source: { kind: 'ConfigMap', name: 'nope' }, targets: [{ select: { kind: 'Service' } }] },
      'nothing selected by ConfigMap.[noVer].[noGrp]/nope.[noNs]',
    ],
    [
      'nothing selected, options shown',
      {
        source: {
          kind: 'ConfigMap',
          name: 'src',
          namespace: 'nope',
          fieldPath: 'data.host',
          options: { delimiter: '.', index: 1 },
        },
        targets: [{ select: {} }],
      },
      'nothing selected by ConfigMap.[noVer].[noGrp]/src.nope:data.host:.(1), create=false',
    ],
    [
      'several selected',
      { source: { fieldPath: 'metadata.name' }, targets: [{ select: { kind: 'Service' } }] },
      'multiple matches for selector [noKind].[noVer].[noGrp]/[noName].[noNs]:metadata.name',
    ],
    [
      'index out of bounds',
      {
        source: {
          kind: 'ConfigMap',
          fieldPath: 'data.host',
          options: { delimiter: '.', index: 3 },
        },
        targets: [{ select: {} }],
      },
      'options.index 3 is out of bounds for value a.b.c',
    ],
    [
      'delimiter on a list',
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.list', options: { delimiter: '.' } },
        targets: [{ select: {} }],
      },
      'delimiter option can only be used with scalar nodes',
    ],
  ])('error: %s', (_name, replacement, message) => {
    expect(errorOf(() => run(WORKLOADS, [replacement])).message).toBe(message);
  });
});

describe('applyReplacements: selecting targets', () => {
  it('reject by id and by label selector; select by namespace (empty = default)', () => {
    const rm = run(WORKLOADS, [
      {
        source: { kind: 'Service', name: 'svc', namespace: 'ns1', fieldPath: 'metadata.name' },
        targets: [
          {
            select: {},
            reject: [{ kind: 'Service' }, { labelSelector: 'tier=a' }],
            fieldPaths: ['metadata.annotations.svc'],
            options: { create: true },
          },
        ],
      },
      {
        source: { kind: 'Service', fieldPath: 'spec.ports.0.port' },
        targets: [
          {
            select: { namespace: 'ns1' },
            fieldPaths: ['metadata.labels.port'],
            options: { create: true },
          },
          {
            select: { namespace: 'default' },
            fieldPaths: ['metadata.labels.deflt'],
            options: { create: true },
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Deployment', 'dep').metadata).toEqual({
      name: 'dep',
      labels: { app: 'web', deflt: 80 },
      annotations: { svc: 'svc' },
    });
    expect(objectOf(rm, 'Service', 'svc').metadata).toEqual({
      name: 'svc',
      namespace: 'ns1',
      labels: { port: 80 },
    });
    expect(objectOf(rm, 'ConfigMap', 'src').metadata).toEqual({
      name: 'src',
      namespace: 'ns1',
      labels: { tier: 'a', port: 80 },
    });
  });

  it('reject by annotation selector', () => {
    const rm = run(POD, [
      {
        source: { kind: 'ConfigMap', fieldPath: 'data.host' },
        targets: [
          {
            select: {},
            reject: [{ annotationSelector: 'role=source' }],
            fieldPaths: ['metadata.annotations.z'],
            options: { create: true },
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Pod', 'p').metadata).toEqual({
      name: 'p',
      annotations: { z: 'a.b.c' },
      labels: null,
    });
    expect(objectOf(rm, 'ConfigMap', 'src').metadata).toEqual({
      name: 'src',
      annotations: { role: 'source' },
    });
  });
});

describe('applyReplacements: shared nodes', () => {
  it('a scalar written in place reaches fields sharing its node (labels created by commonLabels)', () => {
    const rm = resmapFromYaml(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: d, labels: {app: x}}
spec:
  selector:
    matchLabels: {app: x}
  template:
    metadata:
      labels: {app: x}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
data: {v: newval}
`);
    const dep = objectOf(rm, 'Deployment', 'd');
    const spec = dep.spec as YamlMap;
    const maps = [
      (dep.metadata as YamlMap).labels as YamlMap,
      (spec.selector as YamlMap).matchLabels as YamlMap,
      ((spec.template as YamlMap).metadata as YamlMap).labels as YamlMap,
    ];
    linkScalarFields(maps.map((map) => ({ map, key: 'app' })));
    applyReplacements(rm, [
      {
        source: { kind: 'ConfigMap', name: 'cm', fieldPath: 'data.v' },
        targets: [{ select: { kind: 'Deployment' }, fieldPaths: ['metadata.labels.app'] }],
      },
    ]);
    expect(maps).toEqual([{ app: 'newval' }, { app: 'newval' }, { app: 'newval' }]);
  });
});
