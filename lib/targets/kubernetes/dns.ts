import type { WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { isObject, type JsonObject } from './overrides';

/**
 * DNS servers as the pod's `dnsConfig.nameservers`, after those of its DNS policy (the cluster's DNS, so that the
 * pod still reaches other workloads by name; the node's resolver on the host network): the servers answer when those
 * do not, which an info says.
 */
export function applyDns(template: JsonObject, w: WorkloadSpec, reporter: KubernetesReporter): void {
  const spec = isObject(template.spec) ? template.spec : undefined;
  if (!spec || !w.dns) return;
  spec.dnsConfig = { ...(isObject(spec.dnsConfig) ? spec.dnsConfig : {}), nameservers: [...w.dns] };
  const first = w.hostNetwork ? "the node's resolver" : "the cluster's DNS, so that it reaches other workloads by name";
  reporter.report(
    'kubernetes/dns-servers',
    `${w.path} dns`,
    `the pod asks ${first}, first: ${w.name} asks ${w.dns.join(', ')} when that does not answer`,
    "Forward the cluster's DNS to these servers (a CoreDNS forward rule) if every name must go to them.",
  );
}
