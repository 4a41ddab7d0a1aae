import type { K8sObject } from '../kubernetes-validators';
import { matches, NetworkPolicyEvaluator } from '../network-policy-evaluator';
import { listOf, type Doc } from './compose';

/**
 * Which host name resolves to which workload, read from a target's output (`database -> db`), so that Compose,
 * Kubernetes and ECS can be compared with `toEqual`. Only workloads that declare a port are judged (a Kubernetes
 * Service needs one, Service Connect a tcp one; in Compose a port-less service resolves, but nothing declared
 * listens on it), and sidecars and host-network workloads are left out as in the matrices.
 */
export type Names = readonly string[];

/** A Compose file: the service's name, its `container_name`, and the `aliases` of each of its networks. */
export function composeNames(doc: Doc): Names {
  const lines = new Set<string>();
  for (const [name, s] of Object.entries<any>(doc.services ?? {})) {
    if (s.network_mode !== undefined || (listOf(s.expose).length === 0 && listOf(s.ports).length === 0)) continue;
    lines.add(`${name} -> ${name}`);
    if (s.container_name) lines.add(`${s.container_name} -> ${name}`);
    const networks = s.networks && !Array.isArray(s.networks) ? Object.values<any>(s.networks) : [];
    for (const n of networks) for (const alias of n?.aliases ?? []) lines.add(`${alias} -> ${name}`);
  }
  return [...lines].sort();
}

/** A Kubernetes manifest: each ClusterIP Service, to the workload whose pods its selector picks. */
export function kubernetesNames(objects: readonly K8sObject[]): Names {
  const pods = new NetworkPolicyEvaluator(objects).pods(objects);
  const lines = new Set<string>();
  for (const service of objects.filter((o) => o.kind === 'Service') as any[]) {
    if ((service.spec.type ?? 'ClusterIP') !== 'ClusterIP') continue;
    for (const [workload, pod] of Object.entries(pods)) {
      if (pod && matches({ matchLabels: service.spec.selector ?? {} }, pod.labels)) lines.add(`${service.metadata.name} -> ${workload}`);
    }
  }
  return [...lines].sort();
}

/** The CloudFormation templates of an ECS system: each Service Connect client alias, to the ECS service it names. */
export function ecsNames(templates: ReadonlyArray<{ Resources?: Record<string, { Type: string; Properties?: Record<string, any> }> }>): Names {
  const lines = new Set<string>();
  for (const t of templates) {
    for (const r of Object.values(t.Resources ?? {})) {
      if (r.Type !== 'AWS::ECS::Service') continue;
      for (const s of r.Properties?.ServiceConnectConfiguration?.Services ?? []) {
        for (const alias of s.ClientAliases ?? []) lines.add(`${alias.DnsName} -> ${r.Properties?.ServiceName}`);
      }
    }
  }
  return [...lines].sort();
}
