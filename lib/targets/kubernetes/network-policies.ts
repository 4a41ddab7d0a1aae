import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { WorkloadSpec } from '../../model/spec';
import type { ChartContext } from './context';
import { bySources, publishedBeyondHost } from './exposure';
import { networkLabel, objectNames, PART_OF_LABEL, selectorLabels } from './names';

/**
 * Docker networks as NetworkPolicies, one per network (never one per pair of workloads):
 * - every pod carries a label per network it joins;
 * - the policy of network N selects N's members and admits traffic from N's members. Policies add up, so a pod
 *   accepts traffic from any pod that shares one of its networks, and from no other;
 * - an internal network also limits its members' egress to the network's members and DNS (port 53); a network
 *   that is not internal lets its members send anywhere, so a workload on both kinds reaches out as in Docker;
 * - a workload with published ports gets one more policy that admits anyone on those container ports (only the
 *   port's source CIDR blocks when it has some), so that its LoadBalancer or NodePort Service is reachable from
 *   outside; a port bound to one host address is not published (exposure.ts).
 * The `default` network is a network like the others. With the option off, nothing is written and an info
 * diagnostic says that the networks are not enforced. Policies of several apps may share a namespace: their names
 * (`<app>-network-<network>`, `<app>-published-<workload>`) start with the app's, and their selectors match the
 * app's pods only (`app.kubernetes.io/part-of`). The names need no check: the model's names are DNS labels of at
 * most 63 characters, unique by kind, and the two infixes differ.
 */
export function renderNetworkPolicies(ctx: ChartContext): void {
  const { spec } = ctx;
  if (!spec.options.kubernetes.networkPolicies) {
    if (spec.networks.length > 0) {
      ctx.reporter.report(
        'kubernetes/network-policies-off',
        `${spec.name} targetOptions.kubernetes.networkPolicies`,
        `NetworkPolicies are off: the networks ${spec.networks.map((n) => n.name).join(', ')} are not enforced and every pod can reach every other`,
        'Turn networkPolicies on where the cluster runs a policy engine (Calico, Cilium, ...).',
      );
    }
    return;
  }
  for (const n of spec.networks) {
    const members = { matchLabels: { [networkLabel(n.name)]: 'true', [PART_OF_LABEL]: spec.name } };
    new k8s.KubeNetworkPolicy(ctx.chart, `network-policy-${n.name}`, {
      metadata: { name: objectNames.networkPolicy(spec.name, n.name) },
      spec: {
        podSelector: members,
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: members }] }],
        egress: n.internal
          ? [
              { to: [{ podSelector: members }] },
              {
                ports: [
                  { protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) },
                  { protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) },
                ],
              },
            ]
          : [{}],
      },
    });
  }
  for (const w of [...spec.services, ...spec.jobs]) renderPublishedPolicy(ctx, w);
}

function renderPublishedPolicy(ctx: ChartContext, w: WorkloadSpec): void {
  // a workload on the host network has no ports (the model refuses them), so it never gets one
  // a routed port admits the Ingress controller, wherever it runs
  const beyond = publishedBeyondHost(w);
  const published = w.main.ports.filter((p) => beyond.includes(p) || p.routes !== undefined);
  if (published.length === 0) return;
  new k8s.KubeNetworkPolicy(ctx.chart, `published-policy-${w.name}`, {
    metadata: { name: objectNames.publishedPolicy(ctx.spec.name, w.name) },
    spec: {
      podSelector: { matchLabels: selectorLabels(ctx.spec.name, w.name) },
      policyTypes: ['Ingress'],
      ingress: bySources(published).map((group) => ({
        ...(group[0].from ? { from: group[0].from.map((cidr) => ({ ipBlock: { cidr } })) } : {}),
        ports: group.map((p) => ({
          protocol: p.protocol === 'udp' ? 'UDP' : 'TCP',
          port: k8s.IntOrString.fromNumber(p.containerPort),
        })),
      })),
    },
  });
}
