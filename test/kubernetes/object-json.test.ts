import { ApiObject, App, Chart, JsonPatch, Lazy, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { IntOrString, KubeDeployment } from 'cdk8s-plus-27/lib/imports/k8s';
import { withObjectJson } from '../../lib/targets/kubernetes/object-json';

/** Every object of the chart rendered by cdk8s, then by `withObjectJson`. */
function bothWays(chart: Chart): { cdk8s: unknown[]; ours: unknown[] } {
  const cdk8s = chart.toJson();
  const ours = withObjectJson(() => chart.toJson());
  return { cdk8s, ours };
}

function chartWithEverything(app: App): Chart {
  const chart = new Chart(app, 'shop', { labels: { 'z-last': 'z', 'a-first': 'a', '10': 'ten', '9': 'nine' } });
  const deployment = new kplus.Deployment(chart, 'web', {
    containers: [
      {
        image: 'nginx:1.27',
        ports: [{ number: 80 }],
        envVariables: { ZED: kplus.EnvValue.fromValue('1'), ALPHA: kplus.EnvValue.fromValue('2') },
        resources: { memory: { limit: Size.mebibytes(256) } },
      },
    ],
  });
  deployment.exposeViaService({ ports: [{ port: 8080, targetPort: 80 }] });
  new kplus.ConfigMap(chart, 'settings', { data: { b: '2', a: '1', empty: '' } });
  new KubeDeployment(chart, 'raw', {
    spec: {
      selector: { matchLabels: { app: 'raw' } },
      strategy: { rollingUpdate: { maxSurge: IntOrString.fromString('25%'), maxUnavailable: IntOrString.fromNumber(1) } },
      template: { metadata: { labels: { app: 'raw' } }, spec: { containers: [{ name: 'c', image: 'busybox', args: Lazy.any({ produce: () => ['x', null, 'y'] }) as any }] } },
    },
  });
  const patched = new ApiObject(chart, 'patched', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { annotations: { z: '1', b: Lazy.any({ produce: () => '2' }) as any }, finalizers: [], ownerReferences: [], generateName: 'p-' },
    data: { kept: 'yes', gone: undefined, nothing: null, emptyList: [], emptyMap: {} },
  });
  patched.addJsonPatch(JsonPatch.add('/data/added', 'by a patch'));
  return chart;
}

describe('withObjectJson', () => {
  test('GIVEN Lazy values, number-or-string unions, empty values, unsorted maps and a JSON patch WHEN rendered THEN the JSON is that of cdk8s, key order included', () => {
    const { cdk8s, ours } = bothWays(chartWithEverything(new App()));
    expect(ours).toEqual(cdk8s);
    expect(JSON.stringify(ours)).toBe(JSON.stringify(cdk8s));
    const raw = (ours as any[]).find((o) => o.metadata.name.includes('raw'));
    expect(raw.spec.strategy.rollingUpdate).toEqual({ maxSurge: '25%', maxUnavailable: 1 });
    expect(raw.spec.template.spec.containers[0].args).toEqual(['x', undefined, 'y']);
    expect(Object.keys((ours as any[])[0].metadata.labels)).toEqual(['9', '10', 'a-first', 'z-last']);
    const configMap = (ours as any[]).find((o) => o.metadata.name.includes('patched'));
    expect(configMap.metadata).toEqual({ annotations: { b: '2', z: '1' }, generateName: 'p-', labels: expect.any(Object), name: expect.any(String) });
    expect(configMap.data).toEqual({ added: 'by a patch', emptyList: [], emptyMap: {}, kept: 'yes' });
  });

  test('GIVEN CDK8S_DISABLE_SORT WHEN rendered THEN keys keep their order, as cdk8s keeps them', () => {
    process.env.CDK8S_DISABLE_SORT = '1';
    try {
      const { cdk8s, ours } = bothWays(chartWithEverything(new App()));
      expect(JSON.stringify(ours)).toBe(JSON.stringify(cdk8s));
    } finally {
      delete process.env.CDK8S_DISABLE_SORT;
    }
  });

  test('GIVEN a value that is not a plain object WHEN rendered THEN the error is that of cdk8s, and cdk8s renders again afterwards', () => {
    class Opaque {
      readonly x = 1;
    }
    const chart = new Chart(new App(), 'broken');
    new ApiObject(chart, 'odd', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'odd' }, data: { value: new Opaque() } });
    const message = (render: () => unknown) => {
      try {
        render();
      } catch (e) {
        return String(e);
      }
      return 'rendered';
    };
    const cdk8sError = message(() => chart.toJson());
    expect(cdk8sError).toContain("can't render non-simple object of type 'Opaque'");
    expect(message(() => withObjectJson(() => chart.toJson()))).toBe(cdk8sError);
    expect(ApiObject.prototype.toJson.name).toBe('toJson');
  });

  test('GIVEN an app with a resolver of its own WHEN rendered THEN cdk8s renders it, the resolver applied', () => {
    const app = new App({ resolvers: [{ resolve: (context) => (context.value === 'secret' ? context.replaceValue('***') : undefined) }] });
    const chart = new Chart(app, 'shop');
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { password: 'secret' } });
    const [json] = withObjectJson(() => chart.toJson());
    expect(json.data).toEqual({ password: '***' });
  });
});
