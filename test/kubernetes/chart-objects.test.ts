import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { objectsWithoutDependencies } from '../../lib/targets/kubernetes/chart-objects';

/** The names of the objects cdk8s renders for `chart`, in its order. */
function cdk8sOrder(chart: Chart): string[] {
  return chart.toJson().map((json: { kind: string; metadata: { name: string } }) => `${json.kind} ${json.metadata.name}`);
}

function names(objects: readonly ApiObject[] | undefined): string[] | undefined {
  return objects?.map((o) => `${o.kind} ${o.name}`);
}

/** Objects built in an order other than their names', some inside constructs of their own, and a second chart. */
function shop(app: App): Chart {
  const chart = new Chart(app, 'shop', { disableResourceNameHashes: true });
  new kplus.ConfigMap(chart, 'zeta', { metadata: { name: 'zeta' }, data: { a: '1' } });
  const group = new Construct(chart, 'group');
  const web = new kplus.Deployment(group, 'web', { metadata: { name: 'web' }, containers: [{ image: 'nginx:1.27', ports: [{ number: 80 }] }] });
  web.exposeViaService({ name: 'web' });
  new ApiObject(chart, 'alpha', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'alpha' } });
  new ApiObject(new Chart(app, 'other'), 'elsewhere', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'elsewhere' } });
  return chart;
}

describe('objectsWithoutDependencies', () => {
  test('GIVEN no construct depending on another WHEN ordered THEN the objects are those cdk8s renders, in its order', () => {
    const chart = shop(new App());
    const ordered = names(objectsWithoutDependencies(chart));
    expect(ordered).toEqual(cdk8sOrder(chart));
    expect(ordered).toEqual(['ConfigMap zeta', 'Deployment web', 'Service web', 'ConfigMap alpha']);
  });

  test('GIVEN an object that depends on another WHEN ordered THEN cdk8s is left to order them', () => {
    const chart = shop(new App());
    const [zeta, , , alpha] = chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
    zeta.addDependency(alpha);
    expect(objectsWithoutDependencies(chart)).toBeUndefined();
    expect(cdk8sOrder(chart).slice(0, 2)).toEqual(['ConfigMap alpha', 'ConfigMap zeta']);
  });

  test('GIVEN a chart inside a chart WHEN ordered THEN cdk8s is left to order them', () => {
    const chart = shop(new App());
    new Chart(chart, 'inner');
    expect(objectsWithoutDependencies(chart)).toBeUndefined();
  });

  test('GIVEN a construct that fails validation WHEN ordered THEN the error is the one cdk8s throws', () => {
    const chart = shop(new App());
    chart.node.addValidation({ validate: () => ['something is wrong'] });
    const thrown = (render: () => unknown): string => {
      try {
        render();
      } catch (e) {
        return String(e);
      }
      return 'nothing thrown';
    };
    expect(thrown(() => objectsWithoutDependencies(chart))).toBe(thrown(() => chart.toJson()));
    expect(thrown(() => chart.toJson())).toContain('[shop] something is wrong');
  });
});
