import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../src/data/field-spec-types.js';
import { DEFAULT_FIELD_SPECS } from '../../src/data/generated/field-specs.js';
import { linkScalarFields } from '../../src/filters/scalar-aliases.js';
import type { VarArg } from '../../src/kustomization/kustomization.js';
import {
  expandVars,
  formatVar,
  formatVarList,
  mergeVars,
  resolveVars,
  VarSet,
  varsFromArgs,
  type Expansion,
} from '../../src/vars/index.js';
import { errorOf, objectOf, resmapFromYaml } from './helpers.js';

const VAR_REFS = DEFAULT_FIELD_SPECS.varReference;

describe('expandVars (refvar DoReplacements)', () => {
  const values: Record<string, Expansion> = {
    PORT: { text: '8080', typed: 8080 },
    STR: { text: 'hello', typed: 'hello' },
    FLAG: { text: 'true', typed: true },
  };
  const mapping = (n: string): Expansion => values[n] ?? { text: `$(${n})`, typed: `$(${n})` };
  it.each<[string, unknown]>([
    ['$(PORT)', 8080],
    ['$(FLAG)', true],
    ['$(STR)', 'hello'],
    ['x$(PORT)y', 'x8080y'],
    ['$(STR)$(STR)', 'hellohello'],
    ['$$(STR) $$$(STR)', '$(STR) $hello'],
    ['$(UNKNOWN)', '$(UNKNOWN)'],
    ['a $(UNKNOWN) b', 'a $(UNKNOWN) b'],
    ['$(STR', '$(STR'],
    ['$()', '$()'],
    ['$', '$'],
    ['a$b', 'a$b'],
    ['$$', '$'],
    ['$(a(b))', '$(a(b))'],
    ['no refs', 'no refs'],
  ])('%j', (input, want) => {
    expect(expandVars(input, mapping)).toEqual(want);
  });
});

const arg = (name: string, objref: VarArg['objref'], fieldpath?: string): VarArg => ({
  name,
  objref,
  ...(fieldpath === undefined ? {} : { fieldref: { fieldpath } }),
});

describe('VarSet', () => {
  it('defaults vars, sorts by name, rejects a name twice', () => {
    const vs = new VarSet();
    vs.mergeSlice(
      varsFromArgs([
        arg('B', { kind: 'Pod', name: 'p', apiVersion: 'v1' }),
        arg('A', { kind: 'Pod', name: 'q', apiVersion: 'apps/v1' }, 'spec.x'),
      ]),
    );
    expect(vs.asSlice().map(formatVar)).toEqual([
      '{A Pod.v1.apps {spec.x}}',
      '{B Pod.v1.[noGrp] {metadata.name}}',
    ]);
    expect(
      errorOf(() => vs.merge(varsFromArgs([arg('A', { kind: 'Pod', name: 'x' })])[0]!)).message,
    ).toBe("var 'A' already encountered");
  });

  it('TestBasicVarCollision: the same name from two bases is an error', () => {
    const base1 = new VarSet();
    base1.mergeSlice(
      varsFromArgs([
        arg('POD_NAME', { apiVersion: 'v1', kind: 'Pod', name: 'kelley' }, 'metadata.name'),
      ]),
    );
    const base2 = new VarSet();
    base2.mergeSlice(
      varsFromArgs([
        arg('POD_NAME', { apiVersion: 'v1', kind: 'Pod', name: 'grimaldi' }, 'metadata.name'),
      ]),
    );
    const overlay = new VarSet();
    overlay.mergeSet(base1);
    const e = errorOf(() => overlay.mergeSet(base2));
    expect(e.code).toBe('Var');
    expect(e.message).toBe("var 'POD_NAME' already encountered");
  });

  it('formats var lists as kustomize prints them', () => {
    expect(
      formatVarList(
        varsFromArgs([
          arg('V', { kind: 'ConfigMap', name: 'cm', apiVersion: 'v1' }),
          arg('W', { kind: 'X', group: 'g', version: 'v' }, 'a.b'),
        ]),
      ),
    ).toBe('[{V ConfigMap.[noVer].[noGrp] {}} {W X.v.g {a.b}}]');
  });
});

const CM_AND_WORKLOADS = `
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: ns1}
data: {port: 8080, sport: "8080", flag: true, flt: 2.5, str: hello, map: {a: b}, list: [a, b], nul: null}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: ns2}
data: {str: other}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dep
  labels: {l1: $(STR), l2: "x$(PORT)y"}
  annotations: {a1: $(STR)-$(FLT)}
spec:
  template:
    metadata:
      annotations: {t: $(FLAG), n: 5}
    spec:
      containers:
      - name: c
        image: x
        args: ["$(STR)", "$(PORT)", "a$(FLT)", "$$(STR)", "$(NOPE)", "$(STR"]
        command: ["$(FLAG)"]
        env:
        - {name: E, value: $(SPORT)}
        - {name: F, value: "$(MAP)"}
        - {name: G, value: "$(LIST)x"}
        volumeMounts: [{name: v, mountPath: /data/$(STR)}]
---
apiVersion: v1
kind: Service
metadata: {name: svc}
spec:
  ports: [{port: $(PORT), targetPort: $(SPORT)}]
`;

describe('resolveVars (outputs of kubectl kustomize)', () => {
  it('substitutes at the varReference field specs, keeping whole-string types', () => {
    const rm = resmapFromYaml(CM_AND_WORKLOADS);
    const vs = new VarSet();
    const ref = { kind: 'ConfigMap', name: 'cm', namespace: 'ns1', apiVersion: 'v1' };
    mergeVars(
      rm,
      vs,
      varsFromArgs(
        ['PORT:port', 'SPORT:sport', 'FLAG:flag', 'FLT:flt', 'STR:str', 'MAP:map', 'LIST:list'].map(
          (s) => {
            const [name, field] = s.split(':') as [string, string];
            return arg(name, ref, `data.${field}`);
          },
        ),
      ),
    );
    const result = resolveVars(rm, vs, VAR_REFS);
    expect(objectOf(rm, 'Deployment', 'dep')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'dep',
        labels: { l1: 'hello', l2: 'x8080y' },
        annotations: { a1: 'hello-2.5' },
      },
      spec: {
        template: {
          metadata: { annotations: { t: true, n: 5 } },
          spec: {
            containers: [
              {
                name: 'c',
                image: 'x',
                args: ['hello', 8080, 'a2.5', '$(STR)', '$(NOPE)', '$(STR'],
                command: [true],
                env: [
                  { name: 'E', value: '8080' },
                  { name: 'F', value: '$(MAP)' },
                  { name: 'G', value: '$(LIST)x' },
                ],
                volumeMounts: [{ name: 'v', mountPath: '/data/hello' }],
              },
            ],
          },
        },
      },
    });
    expect(objectOf(rm, 'Service', 'svc').spec).toEqual({
      ports: [{ port: 8080, targetPort: '8080' }],
    });
    expect(result.unusedVars).toEqual(['LIST', 'MAP']);
    expect(result.warnings).toEqual([
      'MakePrimitiveReplacer: bad replacement type=map[string]interface {} val=map[a:b]',
      'MakePrimitiveReplacer: bad replacement type=[]interface {} val=[a b]',
      'well-defined vars that were never replaced: LIST,MAP',
    ]);
  });

  it('reads fieldrefs with [N] indexes, [key=value] matchers and group/version objrefs', () => {
    const rm = resmapFromYaml(CM_AND_WORKLOADS);
    const vs = new VarSet();
    mergeVars(
      rm,
      vs,
      varsFromArgs([
        arg(
          'STR',
          { kind: 'Deployment', name: 'dep', apiVersion: 'apps/v1' },
          'spec.template.spec.containers[0].env[1].name',
        ),
        arg(
          'PORT',
          { kind: 'Deployment', name: 'dep', apiVersion: 'apps/v1' },
          'spec.template.spec.containers.[name=c].image',
        ),
        arg(
          'FLAG',
          { kind: 'Deployment', name: 'dep', group: 'apps', version: 'v1' },
          'spec.template.metadata.annotations.n',
        ),
      ]),
    );
    resolveVars(rm, vs, VAR_REFS);
    const dep = objectOf(rm, 'Deployment', 'dep');
    expect(dep.metadata).toEqual({
      name: 'dep',
      labels: { l1: 'F', l2: 'xxy' },
      annotations: { a1: 'F-$(FLT)' },
    });
    expect((dep.spec as YamlMap).template).toEqual({
      metadata: { annotations: { t: 5, n: 5 } },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'x',
            args: ['F', 'x', 'a$(FLT)', '$(STR)', '$(NOPE)', '$(STR'],
            command: [5],
            env: [
              { name: 'E', value: '$(SPORT)' },
              { name: 'F', value: '$(MAP)' },
              { name: 'G', value: '$(LIST)x' },
            ],
            volumeMounts: [{ name: 'v', mountPath: '/data/F' }],
          },
        ],
      },
    });
    expect(objectOf(rm, 'Service', 'svc').spec).toEqual({
      ports: [{ port: 'x', targetPort: '$(SPORT)' }],
    });
  });

  it.each<[string, VarArg[], string]>([
    [
      'ambiguous objref',
      [arg('STR', { kind: 'ConfigMap', name: 'cm', apiVersion: 'v1' }, 'data.str')],
      'merging vars [{STR ConfigMap.[noVer].[noGrp] {data.str}}]: found 2 resId matches for var {STR ConfigMap.v1.[noGrp] {data.str}} (unable to disambiguate)',
    ],
    [
      'objref matching nothing',
      [
        arg(
          'STR',
          { kind: 'ConfigMap', name: 'cm', apiVersion: 'v1', namespace: 'ns3' },
          'data.str',
        ),
      ],
      "var '{STR ConfigMap.v1.[noGrp] {data.str}}' cannot be mapped to a field in the set of known resources",
    ],
    [
      'objref without version',
      [arg('STR', { kind: 'ConfigMap', name: 'cm', namespace: 'ns1' }, 'data.str')],
      "var '{STR ConfigMap.[noVer].[noGrp] {data.str}}' cannot be mapped to a field in the set of known resources",
    ],
    [
      'missing field',
      [
        arg(
          'STR',
          { kind: 'ConfigMap', name: 'cm', namespace: 'ns1', apiVersion: 'v1' },
          'data.nope',
        ),
      ],
      "field specified in var '{STR ConfigMap.v1.[noGrp] {data.nope}}' not found in corresponding resource",
    ],
    [
      'duplicate names',
      [
        arg(
          'STR',
          { kind: 'ConfigMap', name: 'cm', namespace: 'ns1', apiVersion: 'v1' },
          'data.nul',
        ),
        arg(
          'STR',
          { kind: 'ConfigMap', name: 'cm', namespace: 'ns1', apiVersion: 'v1' },
          'data.str',
        ),
      ],
      "merging vars [{STR ConfigMap.[noVer].[noGrp] {data.nul}} {STR ConfigMap.[noVer].[noGrp] {data.str}}]: var 'STR' already encountered",
    ],
  ])('error: %s', (_name, args, message) => {
    const rm = resmapFromYaml(CM_AND_WORKLOADS);
    const vs = new VarSet();
    const e = errorOf(() => {
      mergeVars(rm, vs, varsFromArgs(args));
      resolveVars(rm, vs, VAR_REFS);
    });
    expect(e.code).toBe('Var');
    expect(e.message).toBe(message);
  });

  it('lists under a spec must hold only strings', () => {
    const rm = resmapFromYaml(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: dep}
spec:
  template:
    spec:
      containers:
      - {name: c, image: x, args: ["$(STR)", 1]}
`);
    const vs = new VarSet();
    mergeVars(
      rm,
      vs,
      varsFromArgs([arg('STR', { kind: 'Deployment', name: 'dep', apiVersion: 'apps/v1' })]),
    );
    expect(errorOf(() => resolveVars(rm, vs, VAR_REFS)).message).toBe(
      "considering field 'spec/template/spec/containers/args' of object Deployment.v1.apps/dep.[noNs]: visit traversal on path: [args]: invalid value type expect a string",
    );
  });

  it('objrefs match previous names and current names; writes reach aliased label nodes', () => {
    const rm = resmapFromYaml(
      `
apiVersion: v1
kind: ConfigMap
metadata: {name: b-cm}
data: {v: newval}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  labels: {app: $(V)}
spec:
  selector:
    matchLabels: {app: $(V)}
`,
      { 'ConfigMap/b-cm': [{ namespace: 'default', name: 'cm', kind: 'ConfigMap' }] },
    );
    const dep = objectOf(rm, 'Deployment', 'd');
    const labels = (dep.metadata as YamlMap).labels as YamlMap;
    const matchLabels = ((dep.spec as YamlMap).selector as YamlMap).matchLabels as YamlMap;
    linkScalarFields([
      { map: labels, key: 'app' },
      { map: matchLabels, key: 'app' },
    ]);
    const vs = new VarSet();
    mergeVars(
      rm,
      vs,
      varsFromArgs([arg('V', { kind: 'ConfigMap', name: 'cm', apiVersion: 'v1' }, 'data.v')]),
    );
    resolveVars(rm, vs, VAR_REFS);
    expect(labels).toEqual({ app: 'newval' });
    expect(matchLabels).toEqual({ app: 'newval' });

    const rm2 = resmapFromYaml(`
apiVersion: v1
kind: ConfigMap
metadata: {name: b-cm}
data: {v: newval}
---
apiVersion: v1
kind: Pod
metadata: {name: p, annotations: {a: $(V)}}
`);
    const vs2 = new VarSet();
    mergeVars(
      rm2,
      vs2,
      varsFromArgs([arg('V', { kind: 'ConfigMap', name: 'b-cm', apiVersion: 'v1' }, 'data.v')]),
    );
    resolveVars(rm2, vs2, VAR_REFS);
    expect(objectOf(rm2, 'Pod', 'p').metadata).toEqual({ name: 'p', annotations: { a: 'newval' } });
  });

  it('does nothing without vars', () => {
    const rm = resmapFromYaml(CM_AND_WORKLOADS);
    expect(resolveVars(rm, new VarSet(), VAR_REFS)).toEqual({ unusedVars: [], warnings: [] });
    expect((objectOf(rm, 'Deployment', 'dep').metadata as YamlMap).labels).toEqual({
      l1: '$(STR)',
      l2: 'x$(PORT)y',
    });
  });
});

describe('conformance: vars', () => {
  it('TestBasicVariableRef: the objref names the original name; the value is the prefixed one', () => {
    const rm = resmapFromYaml(
      `
apiVersion: v1
kind: Pod
metadata: {name: base-clown}
spec:
  containers:
  - name: frown
    image: frown
    command: [echo, "$(POD_NAME)"]
    env:
    - {name: FOO, value: "$(POD_NAME)"}
`,
      { 'Pod/base-clown': [{ namespace: 'default', name: 'clown', kind: 'Pod' }] },
    );
    const vs = new VarSet();
    mergeVars(
      rm,
      vs,
      varsFromArgs([
        arg('POD_NAME', { apiVersion: 'v1', kind: 'Pod', name: 'clown' }, 'metadata.name'),
      ]),
    );
    resolveVars(rm, vs, VAR_REFS);
    expect(objectOf(rm, 'Pod', 'base-clown')).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'base-clown' },
      spec: {
        containers: [
          {
            command: ['echo', 'base-clown'],
            env: [{ name: 'FOO', value: 'base-clown' }],
            image: 'frown',
            name: 'frown',
          },
        ],
      },
    });
  });

  it('TestSimpleServicePortVarReplace: an int var keeps its type in Service ports', () => {
    const rm = resmapFromYaml(`
apiVersion: v1
kind: Service
metadata: {name: myService}
spec:
  ports:
  - {port: $(THE_PORT), targetPort: $(THE_PORT), name: grpc}
---
apiVersion: apps/v1beta1
kind: StatefulSet
metadata: {name: cockroachdb}
spec:
  template:
    spec:
      containers:
      - name: cockroachdb
        image: cockroachdb/cockroach:v1.1.5
        ports:
        - {containerPort: 26257, name: grpc}
        - {containerPort: 8888, name: http}
`);
    const vs = new VarSet();
    mergeVars(
      rm,
      vs,
      varsFromArgs([
        arg(
          'THE_PORT',
          { kind: 'StatefulSet', name: 'cockroachdb', apiVersion: 'apps/v1beta1' },
          'spec.template.spec.containers[0].ports[1].containerPort',
        ),
      ]),
    );
    resolveVars(rm, vs, VAR_REFS);
    expect(objectOf(rm, 'Service', 'myService').spec).toEqual({
      ports: [{ name: 'grpc', port: 8888, targetPort: 8888 }],
    });
  });

  it('TestVariableRefMaps: labels and annotations maps', () => {
    const rm = resmapFromYaml(`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-deployment
  labels: {my-label: $(NAMESPACE)}
  annotations: {my-annotation: $(NAMESPACE)}
spec:
  template:
    spec:
      containers: [{name: app, image: busybox}]
---
apiVersion: v1
kind: Namespace
metadata: {name: my-namespace}
`);
    const vs = new VarSet();
    mergeVars(
      rm,
      vs,
      varsFromArgs([
        arg('NAMESPACE', { apiVersion: 'v1', kind: 'Namespace', name: 'my-namespace' }),
      ]),
    );
    resolveVars(rm, vs, VAR_REFS);
    expect(objectOf(rm, 'Deployment', 'my-deployment').metadata).toEqual({
      name: 'my-deployment',
      labels: { 'my-label': 'my-namespace' },
      annotations: { 'my-annotation': 'my-namespace' },
    });
  });

  it('TestVariablesAmbiguous: same name in two namespaces without objref namespace', () => {
    const svc = (ns: string, proto: string) => `
apiVersion: v1
kind: Service
metadata: {name: elasticsearch, namespace: ${ns}}
spec:
  ports: [{name: transport, port: 9300, protocol: ${proto}}]
  clusterIP: None
`;
    const rm = resmapFromYaml(`${svc('dev', 'TCP')}---${svc('test', 'UDP')}`);
    const ref = { kind: 'Service', name: 'elasticsearch', apiVersion: 'v1' };
    const vars = varsFromArgs([
      arg('elasticsearch-test-service-name', ref, 'metadata.name'),
      arg('elasticsearch-test-protocol', ref, 'spec.ports[0].protocol'),
      arg('elasticsearch-dev-service-name', ref, 'metadata.name'),
      arg('elasticsearch-dev-protocol', ref, 'spec.ports[0].protocol'),
    ]);
    expect(errorOf(() => mergeVars(rm, new VarSet(), vars)).message).toBe(
      'merging vars [{elasticsearch-test-service-name Service.[noVer].[noGrp] {metadata.name}} {elasticsearch-test-protocol Service.[noVer].[noGrp] {spec.ports[0].protocol}} {elasticsearch-dev-service-name Service.[noVer].[noGrp] {metadata.name}} {elasticsearch-dev-protocol Service.[noVer].[noGrp] {spec.ports[0].protocol}}]: found 2 resId matches for var {elasticsearch-test-service-name Service.v1.[noGrp] {metadata.name}} (unable to disambiguate)',
    );
    const withNs = varsFromArgs([
      arg('P', { ...ref, namespace: 'test' }, 'spec.ports[0].protocol'),
    ]);
    const vs = new VarSet();
    mergeVars(rm, vs, withNs);
    expect(rm.resources[1]?.refVarNames).toEqual(['P']);
  });

  it('TestIssue3449: custom varReference specs, including a whole map (`spec`)', () => {
    const rm = resmapFromYaml(
      `
apiVersion: v1
kind: ConfigMap
metadata: {name: kustomize-vars-7mhm8cg5kg}
data: {DBT_TARGET: development, SUSPENDED: "True"}
---
apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata: {name: cron-core-load-workflow}
spec:
  schedule: "45 2 * * *"
  timezone: "Europe/Vienna"
  concurrencyPolicy: Forbid
  suspend: $(SUSPENDED)
  workflowMetadata:
    labels: {workflowName: core-load-workflow}
  workflowSpec:
    workflowTemplateRef: {name: core-load-pipeline}
    arguments:
      parameters:
      - {name: dbt_target, value: $(DBT_TARGET)}
`,
      {
        'ConfigMap/kustomize-vars-7mhm8cg5kg': [
          { namespace: 'default', name: 'kustomize-vars', kind: 'ConfigMap' },
        ],
      },
    );
    const specs: FieldSpec[] = [
      ...VAR_REFS,
      {
        group: 'argoproj.io',
        version: 'v1alpha1',
        kind: 'CronWorkflow',
        path: 'spec/workflowSpec/arguments/parameters/value',
        create: false,
      },
      {
        group: 'argoproj.io',
        version: 'v1alpha1',
        kind: 'CronWorkflow',
        path: 'spec',
        create: false,
      },
    ];
    const ref = { kind: 'ConfigMap', name: 'kustomize-vars', version: 'v1' };
    const vs = new VarSet();
    mergeVars(
      rm,
      vs,
      varsFromArgs([
        arg('DBT_TARGET', ref, 'data.DBT_TARGET'),
        arg('SUSPENDED', ref, 'data.SUSPENDED'),
      ]),
    );
    resolveVars(rm, vs, specs);
    expect(objectOf(rm, 'CronWorkflow', 'cron-core-load-workflow').spec).toEqual({
      concurrencyPolicy: 'Forbid',
      schedule: '45 2 * * *',
      suspend: 'True',
      timezone: 'Europe/Vienna',
      workflowMetadata: { labels: { workflowName: 'core-load-workflow' } },
      workflowSpec: {
        arguments: { parameters: [{ name: 'dbt_target', value: 'development' }] },
        workflowTemplateRef: { name: 'core-load-pipeline' },
      },
    });
  });
});
