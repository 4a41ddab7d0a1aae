import type { K8sObject } from '../kubernetes-validators';
import { matches, NetworkPolicyEvaluator, type Pod } from '../network-policy-evaluator';
import { matrixOf, outsideLine, peerLine, type Matrix } from './matrix';

interface Workload {
  readonly pod: Pod;
  /** Declared container ports of every container of the pod. */
  readonly ports: ReadonlyArray<{ readonly port: number; readonly protocol: string }>;
}

/** The CIDR blocks an outside client may come from, as far as one Service and the NetworkPolicies let it. */
function sourcesOf(net: NetworkPolicyEvaluator, objects: readonly K8sObject[], service: any, pod: Pod, port: number, protocol: string): string[] | 'any' | 'none' {
  const ranges: string[] | undefined = service.spec.type === 'LoadBalancer' ? service.spec.loadBalancerSourceRanges : undefined;
  const blocks = objects
    .filter((o) => o.kind === 'NetworkPolicy')
    .flatMap((o) => ((o.spec as any).ingress ?? []).flatMap((r: any) => (r.from ?? []).map((f: any) => f.ipBlock?.cidr)))
    .filter((c: unknown): c is string => typeof c === 'string');
  const candidates = ranges ?? ['0.0.0.0/0', ...blocks];
  const allowed = [...new Set(candidates)].filter((cidr) => net.allows({ external: true, cidr }, pod, port, protocol));
  if (allowed.length === 0) return 'none';
  return allowed.includes('0.0.0.0/0') ? 'any' : allowed.sort();
}

/**
 * The matrix of a Kubernetes manifest: a workload's pod opens a declared container port of another's pod when the
 * NetworkPolicies allow it (both egress and ingress); the outside opens a port of a LoadBalancer or NodePort Service
 * when its selector picks the pod and the policies admit outside clients on the target port, from the Service's
 * `loadBalancerSourceRanges` (any source when it has none) as far as the policies' ipBlocks let them. Objects of
 * several apps may be given together: pods are told apart by name. Host-network pods have no lines.
 */
export function kubernetesMatrix(objects: readonly K8sObject[]): Matrix {
  const net = new NetworkPolicyEvaluator(objects);
  const pods = net.pods(objects);
  const workloads = new Map<string, Workload>();
  for (const o of objects) {
    const spec = o.spec as any;
    const template = o.kind === 'CronJob' ? spec?.jobTemplate?.spec?.template : spec?.template;
    if (!template || template.spec?.hostNetwork) continue;
    const ports = (template.spec?.containers ?? []).flatMap((c: any) => (c.ports ?? []).map((p: any) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })));
    workloads.set(String(o.metadata?.name), { pod: pods[String(o.metadata?.name)], ports });
  }
  const lines: string[] = [];
  for (const [to, target] of workloads) {
    for (const [from, source] of workloads) {
      if (from === to) continue;
      for (const p of target.ports) if (net.allows(source.pod, target.pod, p.port, p.protocol)) lines.push(peerLine(from, to, p.port, p.protocol));
    }
  }
  for (const service of objects.filter((o) => o.kind === 'Service') as any[]) {
    if (service.spec.type !== 'LoadBalancer' && service.spec.type !== 'NodePort') continue;
    for (const [name, w] of workloads) {
      if (!matches({ matchLabels: service.spec.selector ?? {} }, w.pod.labels)) continue;
      for (const p of service.spec.ports) {
        const target = typeof p.targetPort === 'number' ? p.targetPort : p.port;
        const protocol = p.protocol ?? 'TCP';
        const sources = sourcesOf(net, objects, service, w.pod, target, protocol);
        if (sources === 'none') continue;
        const outer = service.spec.type === 'LoadBalancer' ? p.port : p.nodePort;
        lines.push(outsideLine(sources === 'any' ? undefined : sources, outer, name, target, protocol));
      }
    }
  }
  return matrixOf(lines);
}
