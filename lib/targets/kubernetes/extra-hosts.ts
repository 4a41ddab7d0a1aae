import { HOST_GATEWAY } from '../../model/extra-hosts';
import type { WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { isObject, type JsonObject } from './overrides';

/**
 * Extra hosts as the pod's `hostAliases`, one entry per address with its host names; the kubelet adds them to the
 * node's /etc/hosts for a pod on the host network too. Kubernetes has no `host-gateway`: those are reported and left
 * out.
 */
export function applyExtraHosts(template: JsonObject, w: WorkloadSpec, reporter: KubernetesReporter): void {
  const spec = isObject(template.spec) ? template.spec : undefined;
  if (!spec || !w.extraHosts) return;
  const byAddress = new Map<string, string[]>();
  for (const [host, address] of Object.entries(w.extraHosts)) {
    if (address === HOST_GATEWAY) {
      reporter.report(
        'kubernetes/host-aliases',
        `${w.path} extraHosts.${host}`,
        `Kubernetes has no host-gateway: ${w.name} cannot resolve ${host} to the node it runs on`,
        `Read the node's address from the downward API (fieldRef status.hostIP) into an environment variable, or give ${host} a fixed address.`,
      );
      continue;
    }
    byAddress.set(address, [...(byAddress.get(address) ?? []), host]);
  }
  if (byAddress.size > 0) spec.hostAliases = [...byAddress].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ip, hostnames]) => ({ ip, hostnames }));
}
