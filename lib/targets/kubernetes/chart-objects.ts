import { ApiObject, App, Chart } from 'cdk8s';

/**
 * The objects of `chart` in the order cdk8s's `Chart.toJson` renders them, the app validated first as cdk8s
 * validates it. cdk8s orders a chart's objects by a graph of its constructs' dependencies, built for every
 * rendering (a vertex per construct); where no construct of the app depends on another and no chart holds
 * another (which cdk8s turns into dependencies), that order is the chart's constructs in tree order,
 * `node.findAll()`, and the graph is not built. Undefined otherwise: cdk8s orders them.
 */
export function objectsWithoutDependencies(chart: Chart): ApiObject[] | undefined {
  const all = App.of(chart).node.findAll();
  for (const c of all) {
    if (c.node.dependencies.length > 0) return undefined;
    if (Chart.isChart(c) && c.node.children.some((child) => Chart.isChart(child))) return undefined;
  }
  // cdk8s's own validation of the app, with its message
  const errors: string[] = [];
  for (const c of all) for (const error of c.node.validate()) errors.push(`[${c.node.path}] ${error}`);
  if (errors.length > 0) throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
  return chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === chart);
}
