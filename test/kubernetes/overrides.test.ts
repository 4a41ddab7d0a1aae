import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { parseAllDocuments } from 'yaml';
import { applyOverride, isObject, OverridingChart } from '../../lib/targets/kubernetes/overrides';

function deploymentApp(): { app: App; deployment: kplus.Deployment } {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'lading-overrides-')) });
  const chart = new OverridingChart(app, 'shop', { disableResourceNameHashes: true });
  const deployment = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'nginx:1.27', name: 'web' }] });
  new kplus.ConfigMap(chart, 'settings', { metadata: { name: 'settings' }, data: { a: '1' } });
  applyOverride(ApiObject.of(deployment), (json) => {
    const spec = json.spec;
    if (!isObject(spec)) return;
    delete spec.strategy;
    spec.zeta = 'last';
    spec.alpha = 'first';
  });
  return { app, deployment };
}

describe('OverridingChart', () => {
  test('GIVEN an override WHEN the chart is rendered THEN only that object is rewritten, keys sorted, apiVersion/kind/metadata first', () => {
    const { app } = deploymentApp();
    const [deployment, configMap] = parseAllDocuments(app.synthYaml()).map((d) => d.toJS());
    expect(Object.keys(deployment)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(deployment.spec.strategy).toBeUndefined();
    const keys = Object.keys(deployment.spec);
    expect(keys).toEqual([...keys].sort());
    expect(keys[0]).toBe('alpha');
    expect(configMap).toMatchObject({ kind: 'ConfigMap', data: { a: '1' } });
    expect(configMap.alpha).toBeUndefined();
  });

  test('GIVEN an override WHEN synthesized as cdk8s synth does (app.synth) THEN the file on disk matches synthYaml', () => {
    const { app } = deploymentApp();
    const inMemory = app.synthYaml();
    app.synth();
    expect(fs.readFileSync(path.join(app.outdir, 'shop.k8s.yaml'), 'utf8')).toBe(inMemory);
    fs.rmSync(app.outdir, { recursive: true, force: true });
  });

  test('GIVEN overrides WHEN rendered THEN each object is resolved once', () => {
    const { app } = deploymentApp();
    // each object's props hold Lazy values that cdk8s-plus produces from these, once per rendering of the object
    const deployments = jest.spyOn(kplus.Deployment.prototype, '_toKube');
    const configMaps = jest.spyOn(kplus.ConfigMap.prototype as unknown as { synthesizeData: () => unknown }, 'synthesizeData');
    try {
      app.synthYaml();
      expect(deployments).toHaveBeenCalledTimes(1);
      expect(configMaps).toHaveBeenCalledTimes(1);
    } finally {
      deployments.mockRestore();
      configMaps.mockRestore();
    }
  });

  test('GIVEN an object outside an OverridingChart WHEN an override is registered THEN it says so', () => {
    const chart = new Chart(new App(), 'plain');
    const map = new kplus.ConfigMap(chart, 'settings', { metadata: { name: 'settings' } });
    expect(() => applyOverride(ApiObject.of(map), () => undefined)).toThrow('is not in an OverridingChart');
  });
  test('GIVEN objects in tree order or ordered by a dependency WHEN listed in order THEN the order is that of toJson', () => {
    for (const depend of [false, true]) {
      const { app } = deploymentApp();
      const chart = app.charts[0] as OverridingChart;
      const [deployment, configMap] = chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
      if (depend) deployment.addDependency(configMap);
      const rendered = chart.toJson().map((json: { kind: string }) => json.kind);
      expect(chart.objectsInOrder().map((o) => o.kind)).toEqual(rendered);
      expect(rendered).toEqual(depend ? ['ConfigMap', 'Deployment'] : ['Deployment', 'ConfigMap']);
    }
  });
});
