import { App } from 'cdk8s';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { SystemSpec } from '../../model/spec';
import type { PartOf, Target, TargetPart, TargetResult } from '../target';
import { buildChart } from './chart';
import { chartManifest, stringifyManifest } from './manifest';
import { manifestFile } from './manifest-file';
import type { OverridingChart } from './overrides';

export { manifestFile } from './manifest-file';

/**
 * Adds the chart of one system to `app` and returns every finding of the target, none suppressed: the caller
 * reports them through the pipeline (`diagnoseApp`), which applies the system's suppressions. Shared by `render`
 * and by the cdk8s app entry point (bin/kubernetes.ts).
 */
export function addSystem(app: App, spec: SystemSpec): { chart: OverridingChart; diagnostics: readonly Diagnostic[] } {
  const { chart, reporter } = buildChart(app, spec);
  return { chart, diagnostics: reporter.diagnostics };
}

/** Renders one system to a multi-document manifest, synthesized in memory. An error leaves no file. */
export function renderKubernetes(spec: SystemSpec): TargetResult {
  const app = new App({ outdir: 'dist/kubernetes' });
  const { chart, diagnostics } = addSystem(app, spec);
  if (diagnostics.some((d) => d.severity === 'error')) return { files: [], diagnostics };
  return { files: [{ path: manifestFile(spec.name), content: chartManifest(chart) }], diagnostics };
}

/**
 * Renders one part of a system (joiner.ts): the chart of the part's share of the workloads (chart.ts), then the
 * YAML of its objects in cdk8s's order, which is the order they are built in (no object depends on another), so
 * the parts' texts in index order are the whole manifest. The objects every part builds first are written by
 * the first part alone. An error leaves no text, as it leaves no file.
 */
export function renderKubernetesPart(spec: SystemSpec, part: PartOf): TargetPart {
  const app = new App({ outdir: 'dist/kubernetes' });
  const { chart, reporter, shared } = buildChart(app, spec, part);
  const diagnostics = reporter.diagnostics;
  if (diagnostics.some((d) => d.severity === 'error')) return { files: [], diagnostics };
  if (chart.node.findAll().some((c) => c.node.dependencies.length > 0)) {
    throw new Error('an object of the chart depends on another, so cdk8s writes them out of the order they are built in, which rendering in parts relies on');
  }
  const objects = chart.objectsInOrder().slice(part.index === 0 ? 0 : shared);
  return { files: [], diagnostics, data: stringifyManifest(objects.map((obj) => chart.objectJson(obj))) };
}

export const kubernetesTarget: Target = {
  name: 'kubernetes',
  render: (spec) => renderKubernetes(spec),
  renderPart: (spec, _context, part) => renderKubernetesPart(spec, part),
  outputsOf: (app) => [manifestFile(app)],
};
