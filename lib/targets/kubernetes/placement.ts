import type { PlacementConstraintSpec, WorkloadSpec } from '../../model/spec';
import { constraintText } from '../docker-engine/placement';
import type { KubernetesReporter } from './context';
import { isLabelValue, isQualifiedName } from './names';
import { isObject, type JsonObject } from './overrides';

/** The well-known node labels a Swarm attribute becomes; a node label keeps its name. */
const NODE_LABEL: Partial<Record<PlacementConstraintSpec['kind'], string>> = { hostname: 'kubernetes.io/hostname', os: 'kubernetes.io/os', arch: 'kubernetes.io/arch' };
// kubeadm labels its control-plane nodes so, and taints them NoSchedule
const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';

type Expression = { key: string; operator: 'In' | 'NotIn' | 'DoesNotExist'; values?: string[] };
type Outcome = { expression: Expression } | { dropped: [message: string, fix: string] };

/**
 * One rule as a node selector requirement (`==` In, `!=` NotIn). A worker is a node without the control-plane
 * role; a manager is not asked for, since Kubernetes keeps workloads off its control plane (managed clusters
 * have no such node at all). A Swarm node id or engine label has no Kubernetes counterpart.
 */
function translate(w: WorkloadSpec, c: PlacementConstraintSpec): Outcome {
  const text = constraintText(c);
  if (c.kind === 'role') {
    const worker = (c.value === 'worker') === (c.operator === '==');
    if (worker) return { expression: { key: CONTROL_PLANE, operator: 'DoesNotExist' } };
    return {
      dropped: [
        `Kubernetes keeps workloads off its control plane (managed clusters have none): ${text} is left out, and ${w.name} runs on any worker node.`,
        `Label the nodes ${w.name} must run on (kubectl label node <node> role=<value>) and write Placement.nodeLabel('role', '<value>').`,
      ],
    };
  }
  if (c.kind === 'node-id' || c.kind === 'engine-label') {
    return {
      dropped: [
        `${text} names a ${c.kind === 'node-id' ? 'Swarm node id' : 'Docker engine label'}, which a Kubernetes node does not have: it is left out, and ${w.name} runs on any node.`,
        `Label the nodes ${w.name} must run on (kubectl label node <node> key=value) and write Placement.nodeLabel(key, value).`,
      ],
    };
  }
  const key = NODE_LABEL[c.kind] ?? (c.label as string);
  if (!isQualifiedName(key) || !isLabelValue(c.value)) {
    return {
      dropped: [
        `${text} is not a Kubernetes node label (${key}=${c.value}): a label key is [prefix/]name and a value at most 63 letters, digits, -, _ and .; it is left out, and ${w.name} runs on any node.`,
        `Label the nodes with a valid key and value and write Placement.nodeLabel(key, value).`,
      ],
    };
  }
  return { expression: { key, operator: c.operator === '==' ? 'In' : 'NotIn', values: [c.value] } };
}

/**
 * The workload's placement in its pod template: the rules as required node affinity (one term, every rule in it);
 * each spread label as a topology spread constraint that prefers balance (`ScheduleAnyway`, as Swarm's spread
 * preference does); at most one replica per node as required pod anti-affinity on the node's host name.
 * cdk8s-plus-27 spreads with preferred pod anti-affinity, not topology spread constraints, so the pod spec is
 * written here, as the runtime's node selector is.
 */
export function applyPlacement(template: JsonObject, w: WorkloadSpec, podLabels: Record<string, string>): void {
  const spec = isObject(template.spec) ? template.spec : undefined;
  const p = w.placement;
  if (!spec || !p) return;
  const expressions = p.constraints.map((c) => translate(w, c)).flatMap((o) => ('expression' in o ? [o.expression] : []));
  const affinity: JsonObject = {};
  if (expressions.length > 0) affinity.nodeAffinity = { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: expressions }] } };
  if (p.maxReplicasPerNode === 1) {
    affinity.podAntiAffinity = { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { ...podLabels } }, topologyKey: 'kubernetes.io/hostname' }] };
  }
  if (Object.keys(affinity).length > 0) spec.affinity = { ...(isObject(spec.affinity) ? spec.affinity : {}), ...affinity };
  if (p.spread.length > 0) {
    spec.topologySpreadConstraints = p.spread.map((topologyKey) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { ...podLabels } } }));
  }
}

/** The rules Kubernetes cannot express, and a cap per node above 1. */
export function reportPlacement(w: WorkloadSpec, reporter: KubernetesReporter): void {
  const p = w.placement;
  if (!p) return;
  p.constraints.forEach((c, i) => {
    const o = translate(w, c);
    if ('dropped' in o) reporter.report('kubernetes/placement', `${w.path} placement.constraints[${i}]`, ...o.dropped);
  });
  const max = p.maxReplicasPerNode;
  if (max !== undefined && max > 1) {
    reporter.report(
      'kubernetes/max-replicas-per-node',
      `${w.path} placement.maxReplicasPerNode`,
      `Kubernetes has no cap on the replicas per node (a topology spread's maxSkew bounds the difference between nodes, not the count): one node may run more than ${max} replicas of ${w.name}.`,
      `Write maxReplicasPerNode: 1 (required pod anti-affinity on kubernetes.io/hostname), or leave it out.`,
    );
  }
}
