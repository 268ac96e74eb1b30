/** The README example, asserted as written. */
import { expect, test } from 'vitest';
import { diffObjects, diffSet } from '@kustomate/drift-diff';

test('README example', () => {
  const desired = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'app' },
    spec: { replicas: 2, template: { spec: { containers: [{ name: 'web', image: 'web:2' }] } } },
  };
  const live = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'app', uid: '42', resourceVersion: '7' },
    spec: {
      replicas: 5,
      template: {
        spec: {
          containers: [
            { name: 'istio-proxy', image: 'proxy:1' },
            { name: 'web', image: 'web:1', terminationMessagePath: '/dev/termination-log' },
          ],
        },
      },
    },
  };
  const d = diffObjects(desired, live, { ignore: [{ paths: ['/spec/replicas'] }] });
  expect(d.action).toBe('update');
  expect(d.patch).toEqual([
    { op: 'replace', path: '/spec/template/spec/containers/1/image', value: 'web:2' },
  ]);
  expect(d.unified).toMatchInlineSnapshot(`
    "===================================================================
    --- live/Deployment/app/web
    +++ desired/Deployment/app/web
    @@ -2,5 +2,5 @@
       template:
         spec:
           containers:
    -      - image: web:1
    +      - image: web:2
             name: web
    "
  `);
  const set = diffSet([desired], [live], { owner: { name: 'apps', namespace: 'flux-system' } });
  expect(set.summary).toEqual({
    create: 0,
    update: 1,
    none: 0,
    exclude: 0,
    delete: 0,
    protected: 0,
  });
});
