import { App, type Chart } from 'cdk8s';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { SystemSpec } from '../../model/spec';
import type { Target, TargetResult } from '../target';
import { buildChart } from './chart';
import { chartManifest } from './manifest';

/** The file of one app, relative to dist/kubernetes: what `cdk8s synth` names a chart's output too. */
export function manifestFile(app: string): string {
  return `${app}.k8s.yaml`;
}

/**
 * Adds the chart of one system to `app` and returns every finding of the target, none suppressed: the caller
 * reports them through the pipeline (`diagnoseApp`), which applies the system's suppressions. Shared by `render`
 * and by the cdk8s app entry point (bin/kubernetes.ts).
 */
export function addSystem(app: App, spec: SystemSpec): { chart: Chart; diagnostics: readonly Diagnostic[] } {
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

export const kubernetesTarget: Target = {
  name: 'kubernetes',
  render: (spec) => renderKubernetes(spec),
  outputsOf: (app) => [manifestFile(app)],
};
