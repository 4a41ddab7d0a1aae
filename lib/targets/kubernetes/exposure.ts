import type { PortSpec, WorkloadSpec } from '../../model/spec';
import type { ChartContext } from './context';

/**
 * Who may reach a published port on a cluster. A port bound to one host address (`hostIp`) has no equivalent: a
 * pod has no host of its own, so the port stays in the ClusterIP Service only (for loopback, `kubectl port-forward`
 * gives what the host's loopback gave). A port with source CIDR blocks (`from`) keeps them in the Service's
 * `loadBalancerSourceRanges` and in the NetworkPolicy that admits outside traffic, and its Service keeps the
 * client's address (`externalTrafficPolicy: Local`) so that the policy sees it.
 */

/** The ports a LoadBalancer or NodePort Service publishes: published, and not bound to one host address. */
export function publishedBeyondHost(w: WorkloadSpec): PortSpec[] {
  return w.main.ports.filter((p) => p.publish !== 'none' && p.hostIp === undefined);
}

/** Reports each port bound to one host address, which stays in the ClusterIP Service. */
export function reportHostBoundPorts(ctx: ChartContext, w: WorkloadSpec): void {
  w.main.ports.forEach((p, i) => {
    if (p.publish === 'none' || p.hostIp === undefined) return;
    const own = `${p.containerPort}/${p.protocol}`;
    const path = `${w.main.path} ports[${i}]`;
    const local = p.publish === 'fixed' ? p.hostPort : p.containerPort;
    const namespace = ctx.spec.options.kubernetes.namespace ? ` -n ${ctx.spec.options.kubernetes.namespace}` : '';
    if (p.loopback) {
      ctx.reporter.report(
        'kubernetes/loopback-port',
        path,
        `port ${own} is bound to the host's loopback (${p.hostIp}), so only the host reaches it: it is not published, only the ClusterIP Service ${w.name} has it`,
        `Reach it from your machine with \`kubectl port-forward${namespace} service/${w.name} ${local}:${p.containerPort}\`.`,
      );
    } else {
      ctx.reporter.report(
        'kubernetes/host-ip',
        path,
        `port ${own} is bound to host address ${p.hostIp}, which a pod does not have: it is not published, only the ClusterIP Service ${w.name} has it`,
        "Publish it without hostIp, and with from set to that address's network to admit only that network.",
      );
    }
  });
}

/** The key of a port's sources: ports with the same sources share a Service; '' admits any. */
function sourcesKey(p: PortSpec): string {
  return (p.from ?? []).join(',');
}

/** Ports grouped by their sources, unrestricted first, then by sources' text. */
export function bySources(ports: readonly PortSpec[]): PortSpec[][] {
  const groups = new Map<string, PortSpec[]>();
  for (const p of ports) groups.set(sourcesKey(p), [...(groups.get(sourcesKey(p)) ?? []), p]);
  return [...groups.keys()].sort().map((k) => groups.get(k)!);
}

/** What a Service with these ports adds to its spec: `loadBalancerSourceRanges` and `externalTrafficPolicy`. */
export function sourceRestriction(ports: readonly PortSpec[], loadBalancer: boolean): Record<string, unknown> {
  const from = ports.find((p) => p.from !== undefined)?.from;
  if (from === undefined) return {};
  return { ...(loadBalancer ? { loadBalancerSourceRanges: [...from] } : {}), externalTrafficPolicy: 'Local' };
}
