import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { isImageMatched, splitImage, updatedImage } from '../../src/filters/image-name.js';
import {
  applyImageTag,
  applyReplicaCount,
  fixNameReferences,
} from '../../src/transformers/index.js';
import { fs, objectsOf, resMapFromYaml, runTransformers, sortedForCompare } from './helpers.js';

// Oracle: the images list of the test below.
const IMAGES_INPUT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      initContainers:
      - name: i
        image: busybox@sha256:zzz
      containers:
      - name: a
        image: nginx:1.0
      - name: b
        image: nginx
      - name: c
        image: host:5000/img:v1
      - name: d
        image: axb
      - name: e
        image: a.b:3
      - name: f
        image: dig:1@sha256:old
      - name: g
        image: both:1
      - name: h
        image: sha5@sha512:abc
      - name: i2
        image: sha5:1@sha256:abc
---
apiVersion: example.com/v1
kind: Foo
metadata:
  name: f
spec:
  deep:
    containers:
    - image: nginx:2
    - image: busybox
  other:
    image: nginx:3
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: c
spec:
  containers:
  - image: nginx
`;
const IMAGES_OUTPUT = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: c
spec:
  containers:
  - image: nginx
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
      - image: nginx:1.0-suf-suf
        name: a
      - image: nginx:-suf-suf
        name: b
      - image: host:5000/img:v2
        name: c
      - image: replaced
        name: d
      - image: replaced:3
        name: e
      - image: dig@sha256:abc
        name: f
      - image: both:t@sha256:def
        name: g
      - image: sha5@sha512:abc
        name: h
      - image: sha5:new
        name: i2
      initContainers:
      - image: my/busybox:1.0
        name: i
---
apiVersion: example.com/v1
kind: Foo
metadata:
  name: f
spec:
  deep:
    containers:
    - image: nginx:2-suf
    - image: my/busybox:1.0
  other:
    image: nginx:3
`;

// Oracle: base `namePrefix: b-`; overlay `replicas: [{name: web, count: 5}, {name: b-web, count: 7}]`.
const REPLICAS_INPUT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
---
apiVersion: batch/v1
kind: Job
metadata:
  name: web
---
apiVersion: example.com/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: x
`;
const REPLICAS_OUTPUT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: b-web
spec:
  replicas: 7
---
apiVersion: example.com/v1
kind: Deployment
metadata:
  name: b-web
spec:
  replicas: 7
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: b-web
spec:
  replicas: 7
---
apiVersion: batch/v1
kind: Job
metadata:
  name: b-web
`;

describe('applyImageTag', () => {
  it('matches kubectl kustomize (tag, digest, tagSuffix, host:port, unescaped name, CRDs skipped)', () => {
    const m = resMapFromYaml(IMAGES_INPUT);
    runTransformers(m, {
      images: [
        { name: 'nginx', tagSuffix: '-suf' },
        { name: 'host:5000/img', newTag: 'v2' },
        { name: 'a.b', newName: 'replaced' },
        { name: 'dig', digest: 'sha256:abc' },
        { name: 'both', newTag: 't', digest: 'sha256:def' },
        { name: 'sha5', newTag: 'new' },
        { name: 'busybox', newName: 'my/busybox', newTag: '1.0' },
      ],
    });
    fixNameReferences(m);
    const { got, want } = sortedForCompare(m, IMAGES_OUTPUT);
    expect(got).toEqual(want);
  });

  it('applies image field specs outside containers lists', () => {
    const m = resMapFromYaml(
      'apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: f}\nspec: {runner: {image: "nginx:1"}}',
    );
    applyImageTag(m, { name: 'nginx', newTag: '2' }, [fs('spec/runner/image', { kind: 'Foo' })]);
    expect(objectsOf(m)[0]?.spec).toEqual({ runner: { image: 'nginx:2' } });
  });

  it('fails on a container image that is not a scalar', () => {
    const m = resMapFromYaml(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{image: {a: 1}}]}',
    );
    expect(() => applyImageTag(m, { name: 'x', newTag: 'y' })).toThrow(
      /expected ScalarNode but got MappingNode/,
    );
  });

  it('reports an image name that is not a valid regexp', () => {
    const m = resMapFromYaml(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{image: x}]}',
    );
    let err: unknown;
    try {
      applyImageTag(m, { name: 'a(b', newTag: 'y' });
    } catch (e) {
      err = e;
    }
    expect((err as KustomizeError).code).toBe('InvalidImageName');
  });
});

describe('image names', () => {
  it('splits after the first slash so registry ports survive', () => {
    expect(splitImage('host:5000/img:v1')).toEqual({
      name: 'host:5000/img',
      tag: 'v1',
      digest: '',
    });
    expect(splitImage('host:5000/img')).toEqual({ name: 'host:5000/img', tag: '', digest: '' });
    expect(splitImage('nginx:1@sha256:x')).toEqual({ name: 'nginx', tag: '1', digest: 'sha256:x' });
    expect(splitImage('nginx@sha256:x')).toEqual({ name: 'nginx', tag: '', digest: 'sha256:x' });
    expect(splitImage('/abs:1')).toEqual({ name: '/abs', tag: '1', digest: '' });
  });

  it('matches names as Go regexps, sha256 digests only', () => {
    expect(isImageMatched('axb', 'a.b')).toBe(true);
    expect(isImageMatched('nginx:1.0', 'nginx')).toBe(true);
    expect(isImageMatched('nginx:{{.Tag}}', 'nginx')).toBe(true);
    expect(isImageMatched('nginxx', 'nginx')).toBe(false);
    expect(isImageMatched('sha5@sha512:abc', 'sha5')).toBe(false);
    expect(isImageMatched('a/b', 'a\\/b')).toBe(true); // Go allows escaping any punctuation
    expect(isImageMatched('x-y', '[[:alpha:]]-y')).toBe(true);
    expect(isImageMatched('a{b', 'a{b')).toBe(true); // a brace that is no repetition is literal
  });

  it('computes the new reference', () => {
    expect(updatedImage('nginx:1@sha256:x', { name: 'nginx', tagSuffix: '-s' })).toBe('nginx:1-s');
    expect(updatedImage('nginx', { name: 'nginx', tagSuffix: '-s' })).toBe('nginx:-s');
    expect(updatedImage('nginx:1', { name: 'nginx', newName: 'r/n' })).toBe('r/n:1');
    expect(updatedImage('other', { name: 'nginx', newName: 'r/n' })).toBeUndefined();
  });
});

describe('applyReplicaCount', () => {
  it('matches kubectl kustomize, by current or previous name', () => {
    const m = resMapFromYaml(REPLICAS_INPUT);
    runTransformers(m, { namePrefix: 'b-' });
    runTransformers(m, {
      replicas: [
        { name: 'web', count: 5 },
        { name: 'b-web', count: 7 },
      ],
    });
    fixNameReferences(m);
    const { got, want } = sortedForCompare(m, REPLICAS_OUTPUT);
    expect(got).toEqual(want);
  });

  // [verified] the GVK list is in the config's sorted order.
  it('fails when no resource matches', () => {
    const m = resMapFromYaml(REPLICAS_INPUT);
    let err: unknown;
    try {
      applyReplicaCount(m, { name: 'nope', count: 3 });
    } catch (e) {
      err = e;
    }
    expect((err as KustomizeError).code).toBe('ReplicaTarget');
    expect((err as KustomizeError).message).toBe(
      'resource with name nope does not match a config with the following GVK [Deployment.[noVer].[noGrp] StatefulSet.[noVer].[noGrp] ReplicaSet.[noVer].[noGrp] ReplicationController.[noVer].[noGrp]]',
    );
  });

  it('keeps counts beyond 2^53 exact', () => {
    const m = resMapFromYaml('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}');
    applyReplicaCount(m, { name: 'd', count: 9007199254740993n });
    expect(objectsOf(m)[0]?.spec).toEqual({ replicas: 9007199254740993n });
  });
});
