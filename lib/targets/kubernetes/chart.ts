import { ApiObject, App } from 'cdk8s';
import { Reporter } from '../../diagnostics/reporter';
import type { SystemSpec } from '../../model/spec';
import { KUBERNETES_CODES } from './codes';
import type { ChartContext, KubernetesReporter } from './context';
import { MANAGED_BY_LABEL, NameRegistry, PART_OF_LABEL } from './names';
import { renderNetworkPolicies } from './network-policies';
import { OverridingChart } from './overrides';
import { SecretRefs } from './secrets';
import { renderClaims } from './volumes';
import { renderConfigMaps } from './files';
import { renderIngress } from './routes';
import { renderWorkload } from './workload';
import { reserveServiceNames } from './services';
import { shareOf, type PartOf } from '../target';

/**
 * Builds the chart of one app, named after it, in `app`: the PersistentVolumeClaims, each workload with its
 * Services, then the NetworkPolicies. Returns every finding, none suppressed: the pipeline (lib/diagnostics)
 * applies the app's suppressions. `render` synthesizes the chart in memory; bin/kubernetes.ts lets `cdk8s synth`
 * write it: both get the same manifest.
 *
 * With `part`, only that part's share of the workloads (target.ts `renderKubernetesPart`): the objects every
 * workload may use first (`shared` of them: claims, ConfigMaps), the share's workloads, and the Ingress and
 * NetworkPolicies in the last part only, each with the findings a whole build reports of it. The Service names of
 * the workloads before the share are taken, so that a name they take is found taken here too.
 */
export function buildChart(app: App, spec: SystemSpec, part?: PartOf): { chart: OverridingChart; reporter: KubernetesReporter; shared: number } {
  const reporter: KubernetesReporter = new Reporter(KUBERNETES_CODES, 'kubernetes');
  const options = spec.options.kubernetes;
  const chart = new OverridingChart(app, spec.name, {
    ...(options.namespace ? { namespace: options.namespace } : {}),
    labels: { [PART_OF_LABEL]: spec.name, [MANAGED_BY_LABEL]: 'lading' },
    disableResourceNameHashes: true,
  });
  const deferred: (() => void)[] = [];
  const defer = (step: () => void) => deferred.push(step);
  const secrets = new SecretRefs(chart, spec, reporter);
  const workloads = [...spec.services, ...spec.jobs];
  const ctx: ChartContext = {
    chart,
    spec,
    workloads: new Map(workloads.map((w) => [w.name, w])),
    reporter,
    claims: renderClaims(chart, spec, reporter, defer),
    secrets,
    configMaps: renderConfigMaps(chart, spec, reporter),
    secretName: (s) => secrets.nameOf(s),
    names: new NameRegistry(reporter),
    defer,
  };
  const shared = chart.node.findAll().filter((c) => c instanceof ApiObject).length;
  const { from, to } = part ? shareOf(workloads.length, part) : { from: 0, to: workloads.length };
  for (const w of workloads.slice(0, from)) reserveServiceNames(ctx, w);
  for (const w of workloads.slice(from, to)) renderWorkload(ctx, w);
  if (!part || part.index === part.count - 1) {
    renderIngress(ctx);
    renderNetworkPolicies(ctx);
  }
  // an error leaves the manifest unwritten, and may leave an object incomplete (a pod without containers)
  if (!reporter.hasErrors) for (const step of deferred) step();
  return { chart, reporter, shared };
}
