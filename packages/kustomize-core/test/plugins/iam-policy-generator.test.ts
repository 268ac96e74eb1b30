import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import {
  generateIamPolicy,
  type IamPolicyGeneratorConfig,
} from '../../src/target/plugins/iam-policy-generator.js';
import { buildObjects, corpusCasesDir, objectsFromFile } from './helpers.js';

const ANNOTATION = 'iam.gke.io/gcp-service-account';

function gke(
  kubernetesService: IamPolicyGeneratorConfig['kubernetesService'],
  serviceAccount: IamPolicyGeneratorConfig['serviceAccount'],
): IamPolicyGeneratorConfig {
  return { metadata: { name: 'g' }, cloud: 'gke', kubernetesService, serviceAccount };
}

function errorOf(fn: () => unknown): KustomizeError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KustomizeError);
    return e as KustomizeError;
  }
  throw new Error('no error thrown');
}

describe('IAMPolicyGenerator', () => {
  it.each([
    [
      'iampolicygenerator_test__TestGkeGenerator',
      gke({ name: 'k8s-sa-name' }, { name: 'gsa-name', projectId: 'project-id' }),
    ],
    [
      'iampolicygenerator_test__TestGkeGeneratorWithNamespace',
      gke(
        { namespace: 'k8s-namespace', name: 'k8s-sa-name' },
        { name: 'gsa-name', projectId: 'project-id' },
      ),
    ],
  ])('matches corpus case %s', (name, config) => {
    expect([generateIamPolicy(config)]).toEqual(
      objectsFromFile(join(corpusCasesDir, name, 'expected.yaml')),
    );
  });

  it.each([
    'iampolicygenerator_test__TestGkeGenerator',
    'iampolicygenerator_test__TestGkeGeneratorWithNamespace',
    'iampolicygenerator_test__TestGkeGeneratorWithTwo',
  ])('builds %s end to end', async (name) => {
    const got = await buildObjects(join(corpusCasesDir, name, 'input'));
    expect(got).toEqual(objectsFromFile(join(corpusCasesDir, name, 'expected.yaml')));
  });

  // Goldens from `kubectl kustomize` with the same configs inline under `generators:`.
  it('pastes values into YAML text, so they resolve as YAML scalars', () => {
    expect(
      generateIamPolicy(gke({ name: '123', namespace: 'true' }, { name: 'b', projectId: 'c' })),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        annotations: { [ANNOTATION]: 'b@c.iam.gserviceaccount.com' },
        name: 123,
        namespace: true,
      },
    });
    expect(
      generateIamPolicy(gke({ name: 'a #x', namespace: 'n s' }, { name: 'b #c', projectId: 'c' }))
        .metadata,
    ).toEqual({ annotations: { [ANNOTATION]: 'b' }, name: 'a', namespace: 'n s' });
  });

  it('omits an empty namespace and keeps an empty project id', () => {
    expect(generateIamPolicy(gke({ name: 'a', namespace: '' }, { name: 'b' })).metadata).toEqual({
      annotations: { [ANNOTATION]: 'b@.iam.gserviceaccount.com' },
      name: 'a',
    });
  });

  it('leaves a missing Kubernetes name null (kustomize then reports missing metadata.name)', () => {
    expect(generateIamPolicy(gke(undefined, { name: 'b', projectId: 'c' })).metadata).toEqual({
      annotations: { [ANNOTATION]: 'b@c.iam.gserviceaccount.com' },
      name: null,
    });
  });

  it.each<[string, IamPolicyGeneratorConfig, string]>([
    [
      'another cloud',
      { ...gke({ name: 'a' }, { name: 'b', projectId: 'c' }), cloud: 'aws' },
      'cloud provider aws not supported yet',
    ],
    ['no cloud', { kubernetesService: { name: 'a' } }, 'cloud provider  not supported yet'],
    [
      'GKE in capitals',
      { ...gke({ name: 'a' }, {}), cloud: 'GKE' },
      'cloud provider GKE not supported yet',
    ],
    [
      'a missing service account name',
      gke({ name: 'a' }, { projectId: 'c' }),
      'yaml: line 6: found character that cannot start any token',
    ],
    [
      'a name that breaks the YAML',
      gke({ name: 'a: b' }, { name: 'b', projectId: 'c' }),
      'yaml: line 7: mapping values are not allowed in this context',
    ],
  ])('fails for %s with kustomize’s message', (_what, config, message) => {
    expect(errorOf(() => generateIamPolicy(config)).message).toBe(message);
  });
});
