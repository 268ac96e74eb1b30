import type { YamlValue } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import {
  expandReplacementFields,
  parseReplacementFields,
  replacementConfigForError,
  replacementFieldsFromPluginConfig,
  replacementsFromFile,
} from '../../src/transformers/replacements/parse-replacements.js';

function errorOf(fn: () => unknown): KustomizeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KustomizeError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('parseReplacementFields (strict, as part of the kustomization)', () => {
  it('decodes inline replacements and path entries, matching field names case-insensitively', () => {
    const fields = parseReplacementFields([
      {
        SOURCE: {
          KIND: 'ConfigMap',
          name: 'src',
          fieldPath: 'data.x',
          options: { delimiter: '.', index: 1 },
        },
        Targets: [
          {
            Select: { kind: 'Deployment', labelSelector: 'a=b' },
            reject: [{ name: 'x' }, null],
            FieldPaths: ['spec.a'],
            options: { create: true },
          },
          null,
        ],
      },
      { path: 'r.yaml' },
      null,
    ]);
    expect(fields).toEqual([
      {
        source: {
          kind: 'ConfigMap',
          name: 'src',
          fieldPath: 'data.x',
          options: { delimiter: '.', index: 1 },
        },
        targets: [
          {
            select: { kind: 'Deployment', labelSelector: 'a=b' },
            reject: [{ name: 'x' }, {}],
            fieldPaths: ['spec.a'],
            options: { create: true },
          },
          {},
        ],
      },
      { path: 'r.yaml' },
      {},
    ]);
  });

  it.each<[YamlValue, string]>([
    [
      [{ source: { kind: 'ConfigMap', name: 'src', foo: 1 } }],
      'invalid Kustomization: json: unknown field "foo"',
    ],
    [
      [{ source: { name: 'src' }, targets: [{ select: { kind: 'Pod', skip: true } }] }],
      'invalid Kustomization: json: unknown field "skip"',
    ],
    [
      [{ source: { name: 1 } }],
      'invalid Kustomization: json: cannot unmarshal number into Go struct field SourceSelector.replacements.source.name of type string',
    ],
    [
      [{ source: { kind: 1.5 } }],
      'invalid Kustomization: json: cannot unmarshal number into Go struct field SourceSelector.replacements.source.kind of type string',
    ],
    [
      [{ targets: [{ select: { kind: 1 } }] }],
      'invalid Kustomization: json: cannot unmarshal number into Go struct field Selector.replacements.targets.select.kind of type string',
    ],
    [
      [{ targets: [{ reject: [{ name: 1 }] }] }],
      'invalid Kustomization: json: cannot unmarshal number into Go struct field Selector.replacements.targets.reject.name of type string',
    ],
    [
      [{ targets: [{ fieldPaths: [1] }] }],
      'invalid Kustomization: json: cannot unmarshal number into Go struct field TargetSelector.replacements.targets.fieldPaths of type string',
    ],
    [
      [{ targets: [{ fieldPaths: 'x' }] }],
      'invalid Kustomization: json: cannot unmarshal string into Go struct field TargetSelector.replacements.targets.fieldPaths of type []string',
    ],
    [
      [{ targets: 'x' }],
      'invalid Kustomization: json: cannot unmarshal string into Go struct field ReplacementField.replacements.targets of type []*types.TargetSelector',
    ],
    [
      [{ source: [] }],
      'invalid Kustomization: json: cannot unmarshal array into Go struct field ReplacementField.replacements.source of type types.SourceSelector',
    ],
    [
      [{ source: { options: { index: 1.5 } } }],
      'invalid Kustomization: json: cannot unmarshal number 1.5 into Go struct field FieldOptions.replacements.source.options.index of type int',
    ],
    [
      [{ source: { options: { index: 99999999999999999999n } } }],
      'invalid Kustomization: json: cannot unmarshal number 100000000000000000000 into Go struct field FieldOptions.replacements.source.options.index of type int',
    ],
    [
      [{ source: { options: { index: 'x' } } }],
      'invalid Kustomization: json: cannot unmarshal string into Go struct field FieldOptions.replacements.source.options.index of type int',
    ],
    [
      [{ source: { options: { create: 1 } } }],
      'invalid Kustomization: json: cannot unmarshal number into Go struct field FieldOptions.replacements.source.options.create of type bool',
    ],
    [
      [{ source: { options: [] } }],
      'invalid Kustomization: json: cannot unmarshal array into Go struct field SourceSelector.replacements.source.options of type types.FieldOptions',
    ],
    [
      [{ path: 1 }],
      'invalid Kustomization: json: cannot unmarshal number into Go struct field ReplacementField.replacements.path of type string',
    ],
    [
      [5],
      'invalid Kustomization: json: cannot unmarshal number into Go struct field Kustomization.replacements of type types.ReplacementField',
    ],
  ])('case %#', (value, message) => {
    const e = errorOf(() => parseReplacementFields(value, 'kustomization.yaml'));
    expect(e.message).toBe(message);
    expect(['InvalidKustomization', 'UnknownField']).toContain(e.code);
    expect(e.location.file).toBe('kustomization.yaml');
  });
});

describe('replacementsFromFile (lenient, sigs.k8s.io/yaml)', () => {
  it('reads one replacement or a list, ignoring unknown fields', () => {
    const one = {
      source: { kind: 'ConfigMap', bogus: 1 },
      targets: [{ select: { kind: 'Deployment' }, whatever: 'x' }],
    };
    expect(replacementsFromFile(one)).toEqual([
      { source: { kind: 'ConfigMap' }, targets: [{ select: { kind: 'Deployment' } }] },
    ]);
    expect(replacementsFromFile([one, { source: { name: 'n' } }])).toHaveLength(2);
  });

  it.each<[YamlValue, string]>([
    [
      [5],
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go value of type types.Replacement',
    ],
    [
      { source: 5 },
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field Replacement.source of type types.SourceSelector',
    ],
    [
      { source: { options: { index: '3' } } },
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field FieldOptions.source.options.index of type int',
    ],
    [null, 'unsupported replacement type encountered within replacement path: invalid'],
    [5, 'unsupported replacement type encountered within replacement path: float64'],
    ['x', 'unsupported replacement type encountered within replacement path: string'],
  ])('%j', (content, message) => {
    const e = errorOf(() => replacementsFromFile(content, 'f.yaml'));
    expect(e.code).toBe('Replacement');
    expect(e.message).toBe(message);
  });
});

describe('expandReplacementFields', () => {
  it('loads path entries in place', () => {
    const loaded: string[] = [];
    const out = expandReplacementFields(
      [
        { source: { name: 'a' }, targets: [{ select: {} }] },
        { path: 'r.yaml' },
        { source: { name: 'c' } },
      ],
      (p) => {
        loaded.push(p);
        return [{ source: { name: 'b1' } }, { source: { name: 'b2' } }];
      },
    );
    expect(loaded).toEqual(['r.yaml']);
    expect(out.map((r) => r.source?.name)).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('rejects path plus inline fields', () => {
    const e = errorOf(() =>
      expandReplacementFields([{ path: 'x.yaml', source: { kind: 'ConfigMap' } }], () => null),
    );
    expect(e.message).toBe('cannot specify both path and inline replacement');
  });

  it('a path entry with empty targets is only a path', () => {
    expect(
      expandReplacementFields([{ path: 'x.yaml', targets: [] }], () => ({ source: { name: 'x' } })),
    ).toEqual([{ source: { name: 'x' } }]);
  });
});

describe('replacementConfigForError', () => {
  it('renders the plugin config with Go omitempty rules', () => {
    expect(
      replacementConfigForError([
        {
          path: 'x.yaml',
          source: {
            kind: 'ConfigMap',
            name: 'a',
            fieldPath: 'x',
            options: { delimiter: '-', index: 0 },
          },
          targets: [
            {
              select: { kind: 'Deployment', labelSelector: 'a=b' },
              fieldPaths: ['a.b'],
              options: { create: true },
            },
            { fieldPaths: [] },
          ],
        },
      ]),
    ).toEqual({
      Replacements: [
        {
          path: 'x.yaml',
          source: { kind: 'ConfigMap', name: 'a', fieldPath: 'x', options: { delimiter: '-' } },
          targets: [
            {
              select: { kind: 'Deployment', labelSelector: 'a=b' },
              fieldPaths: ['a.b'],
              options: { create: true },
            },
            { select: null },
          ],
        },
      ],
    });
  });
});

describe('replacementFieldsFromPluginConfig (builtin ReplacementTransformer in `transformers`)', () => {
  it('reads the replacements list leniently', () => {
    const config = {
      apiVersion: 'builtin',
      kind: 'ReplacementTransformer',
      metadata: { name: 'buildup' },
      replacements: [
        {
          source: { kind: 'Pod', fieldPath: 'spec', extra: 1 },
          targets: [
            {
              select: { kind: 'Deployment' },
              fieldPaths: ['spec.template.spec'],
              options: { create: true },
            },
          ],
        },
        { path: 'more.yaml' },
      ],
    };
    expect(replacementFieldsFromPluginConfig(config)).toEqual([
      {
        source: { kind: 'Pod', fieldPath: 'spec' },
        targets: [
          {
            select: { kind: 'Deployment' },
            fieldPaths: ['spec.template.spec'],
            options: { create: true },
          },
        ],
      },
      { path: 'more.yaml' },
    ]);
    expect(replacementFieldsFromPluginConfig({ kind: 'ReplacementTransformer' })).toEqual([]);
  });

  it('reports type errors like sigs.k8s.io/yaml', () => {
    expect(errorOf(() => replacementFieldsFromPluginConfig({ replacements: 5 })).message).toBe(
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field ReplacementTransformerPlugin.replacements of type []types.ReplacementField',
    );
  });
});
