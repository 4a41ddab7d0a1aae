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
 * Adds the chart of one system to `app` and returns its diagnostics, without those that a workload's
 * `suppress` names (errors are never suppressed). Shared by `render` and by the cdk8s app entry point.
 */
export function addSystem(app: App, spec: SystemSpec): { chart: Chart; diagnostics: Diagnostic[] } {
  const { chart, findings } = buildChart(app, spec);
  return { chart, diagnostics: withoutSuppressed(spec, findings.all) };
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

function withoutSuppressed(spec: SystemSpec, list: readonly Diagnostic[]): Diagnostic[] {
  const rules: { prefix: string; rule: string }[] = [];
  for (const w of [...spec.services, ...spec.jobs]) for (const s of w.suppressions) rules.push({ prefix: w.path, rule: s.rule });
  const within = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix} `);
  return list.filter((d) => d.severity === 'error' || !rules.some((r) => r.rule === d.code && within(d.path, r.prefix)));
}
