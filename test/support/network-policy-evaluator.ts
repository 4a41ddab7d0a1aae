import type { K8sObject } from './kubernetes-validators';

/**
 * A small evaluator of Kubernetes NetworkPolicy semantics (networking.k8s.io/v1), for tests: may a pod (or a
 * client outside the cluster) open a connection to another pod on a port?
 *
 * - A pod selected by no policy of a direction is open in that direction.
 * - A pod selected by at least one policy whose policyTypes include the direction accepts (sends) only what one
 *   rule of one of those policies allows: policies add up, they never subtract.
 * - policyTypes defaults to Ingress, plus Egress when the policy has egress rules.
 * - A rule without `from`/`to` matches every peer; without `ports`, every port. A podSelector peer matches pods
 *   of the policy's namespace; a namespaceSelector peer matches by the namespace's labels; an ipBlock matches
 *   clients outside the cluster when it covers the block they come from (0.0.0.0/0 when not said).
 */

export interface Pod {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Container ports by name, for named ports in policies. */
  readonly namedPorts: Readonly<Record<string, number>>;
}

/** A client outside the cluster, e.g. through a LoadBalancer Service. */
export const EXTERNAL = { external: true } as const;
/** A client outside the cluster, from anywhere or from one CIDR block. */
export type Source = Pod | { readonly external: true; readonly cidr?: string };

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}
interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}
interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: PolicyPort[];
}
interface Policy {
  namespace: string;
  podSelector: LabelSelector;
  policyTypes: string[];
  ingress: Rule[];
  egress: Rule[];
}

export class NetworkPolicyEvaluator {
  private readonly policies: Policy[];

  /** `objects`: the manifest; `namespace`: where objects without one are applied. */
  constructor(objects: readonly K8sObject[], private readonly namespace = 'default') {
    this.policies = objects
      .filter((o) => o.kind === 'NetworkPolicy')
      .map((o) => {
        const spec = (o.spec ?? {}) as { podSelector?: LabelSelector; policyTypes?: string[]; ingress?: Rule[]; egress?: Rule[] };
        const types = spec.policyTypes ?? ['Ingress', ...(spec.egress ? ['Egress'] : [])];
        return {
          namespace: (o.metadata as { namespace?: string })?.namespace ?? namespace,
          podSelector: spec.podSelector ?? {},
          policyTypes: types,
          ingress: spec.ingress ?? [],
          egress: spec.egress ?? [],
        };
      });
  }

  /** The pods of the manifest's Deployments, Jobs and CronJobs, by workload name (one per workload). */
  pods(objects: readonly K8sObject[]): Record<string, Pod> {
    const out: Record<string, Pod> = {};
    for (const o of objects) {
      const spec = o.spec as Record<string, any> | undefined;
      const template = o.kind === 'CronJob' ? spec?.jobTemplate?.spec?.template : spec?.template;
      if (!template) continue;
      const namedPorts: Record<string, number> = {};
      for (const c of template.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name) namedPorts[p.name] = p.containerPort;
      const name = String(o.metadata?.name);
      out[name] = { name, namespace: (o.metadata as { namespace?: string })?.namespace ?? this.namespace, labels: template.metadata?.labels ?? {}, namedPorts };
    }
    return out;
  }

  /** May `from` open a connection to `to` on `port`/`protocol`? */
  allows(from: Source, to: Pod, port: number, protocol = 'TCP'): boolean {
    return this.egressAllows(from, to, port, protocol) && this.ingressAllows(from, to, port, protocol);
  }

  private ingressAllows(from: Source, to: Pod, port: number, protocol: string): boolean {
    const selecting = this.policies.filter((p) => p.namespace === to.namespace && p.policyTypes.includes('Ingress') && matches(p.podSelector, to.labels));
    if (selecting.length === 0) return true;
    return selecting.some((p) => p.ingress.some((r) => peersMatch(r.from, from, p.namespace) && portsMatch(r.ports, to, port, protocol)));
  }

  private egressAllows(from: Source, to: Pod, port: number, protocol: string): boolean {
    if ('external' in from) return true;
    const selecting = this.policies.filter((p) => p.namespace === from.namespace && p.policyTypes.includes('Egress') && matches(p.podSelector, from.labels));
    if (selecting.length === 0) return true;
    return selecting.some((p) => p.egress.some((r) => peersMatch(r.to, to, p.namespace) && portsMatch(r.ports, to, port, protocol)));
  }
}

function peersMatch(peers: Peer[] | undefined, who: Source, policyNamespace: string): boolean {
  if (!peers || peers.length === 0) return true;
  return peers.some((peer) => {
    if ('external' in who) return peer.ipBlock !== undefined && covers(peer.ipBlock.cidr, who.cidr ?? '0.0.0.0/0') && !(peer.ipBlock.except ?? []).some((e) => overlaps(e, who.cidr ?? '0.0.0.0/0'));
    if (peer.ipBlock) return false;
    const nsOk = peer.namespaceSelector ? matches(peer.namespaceSelector, { 'kubernetes.io/metadata.name': who.namespace }) : who.namespace === policyNamespace;
    const podOk = peer.podSelector ? matches(peer.podSelector, who.labels) : true;
    return nsOk && podOk;
  });
}

function portsMatch(ports: PolicyPort[] | undefined, to: Pod, port: number, protocol: string): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    const number = typeof p.port === 'string' ? to.namedPorts[p.port] : p.port;
    if (number === undefined) return false;
    return p.endPort !== undefined ? port >= number && port <= p.endPort : port === number;
  });
}

export function matches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const inValues = has && (e.values ?? []).includes(labels[e.key]);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** An IPv4 block as its first address and prefix length; undefined for anything else (IPv6 blocks compare as text). */
function ipv4Block(cidr: string): { readonly base: number; readonly prefix: number } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  return { base: ((+m[1] << 24) | (+m[2] << 16) | (+m[3] << 8) | +m[4]) >>> 0, prefix: +m[5] };
}

/** Does block `outer` hold every address of block `inner`? */
function covers(outer: string, inner: string): boolean {
  const o = ipv4Block(outer);
  const i = ipv4Block(inner);
  if (!o || !i) return outer === inner;
  if (o.prefix > i.prefix) return false;
  const mask = o.prefix === 0 ? 0 : (~0 << (32 - o.prefix)) >>> 0;
  return ((o.base & mask) >>> 0) === ((i.base & mask) >>> 0);
}

function overlaps(a: string, b: string): boolean {
  return covers(a, b) || covers(b, a);
}
