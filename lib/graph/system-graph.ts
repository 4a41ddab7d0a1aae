import { fileNodes } from './file-nodes';
import type { MountSpec, NetworkSpec, SystemSpec, WorkloadSpec } from '../model/spec';
import { publishLabel, runLabel, sizeLabel } from './labels';

/**
 * The picture of a system as plain data, shared by the Mermaid and DOT writers so both draw the same thing.
 *
 * - Every network is a group. A workload on one network is drawn inside that group; a workload on several
 *   networks is drawn outside every group, with a `joins` edge to each of its networks. A workload on the host
 *   network is drawn outside every group and says so.
 * - Services and jobs are nodes (name, image, what runs and how many); sidecars are listed inside their service.
 * - Published ports are edges from the `outside` node: `8080 -> 80/tcp`, or `* -> 1234/udp` for a dynamic port.
 * - `dependsOn` entries are dashed edges from the dependent to its dependency, labelled with the condition.
 * - Persistent volumes (and host folders of bind mounts) are storage nodes, joined to the workloads that mount
 *   them by an edge labelled with the mount path. Ephemeral mounts are not drawn: they hold nothing that lasts.
 *
 * Ids are stable and derived from names: `w_<name>`, `n_<network>`, `v_<volume>`, `b_<n>` (host folders in
 * sorted order), `outside`. Everything is emitted in a fixed order so the same spec gives the same text.
 */
export interface SystemGraph {
  readonly name: string;
  readonly groups: readonly GraphGroup[];
  /** Nodes drawn outside every group, in drawing order. */
  readonly loose: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface GraphGroup {
  readonly id: string;
  readonly network: NetworkSpec;
  readonly label: string;
  readonly nodes: readonly GraphNode[];
  /** True when a workload outside the group joins it, so the group needs something for the edge to reach. */
  readonly joined: boolean;
}

export type GraphNode = WorkloadNode | StorageNode | OutsideNode;

export interface WorkloadNode {
  readonly kind: 'workload';
  readonly id: string;
  readonly title: string;
  /** Image and what runs; `host network` when it uses it. */
  readonly lines: readonly string[];
  readonly sidecars: ReadonlyArray<{ readonly name: string; readonly image: string }>;
}

export interface StorageNode {
  readonly kind: 'volume' | 'bind';
  readonly id: string;
  readonly title: string;
  readonly lines: readonly string[];
}

export interface OutsideNode {
  readonly kind: 'outside';
  readonly id: 'outside';
  readonly title: string;
}

export interface GraphEdge {
  readonly kind: 'publish' | 'depends' | 'mount' | 'joins';
  readonly from: string;
  readonly to: string;
  readonly label?: string;
}

const OUTSIDE_ID = 'outside';

function workloadId(name: string): string {
  return `w_${name}`;
}

function networkId(name: string): string {
  return `n_${name}`;
}

function volumeId(name: string): string {
  return `v_${name}`;
}

/** Builds the picture of one system. Pure: reads only the spec. */
export function buildSystemGraph(spec: SystemSpec): SystemGraph {
  const workloads: WorkloadSpec[] = [...spec.services, ...spec.jobs].sort((a, b) => compare(a.name, b.name));
  const binds = bindSources(workloads);
  const edges: GraphEdge[] = [];
  const loose: GraphNode[] = [];

  const published = workloads.flatMap((w) => w.main.ports.filter((p) => p.publish !== 'none').map((p) => ({ w, p })));
  if (published.length > 0) loose.push({ kind: 'outside', id: OUTSIDE_ID, title: 'outside' });
  for (const { w, p } of published) edges.push({ kind: 'publish', from: OUTSIDE_ID, to: workloadId(w.name), label: publishLabel(p) });

  for (const w of workloads) {
    for (const d of w.dependsOn) edges.push({ kind: 'depends', from: workloadId(w.name), to: workloadId(d.name), label: d.condition });
  }

  for (const w of workloads) edges.push(...mountEdges(w, binds));

  const joined = new Set<string>();
  for (const w of workloads) {
    if (w.networks.length > 1) {
      for (const n of w.networks) {
        joined.add(n);
        edges.push({ kind: 'joins', from: workloadId(w.name), to: networkId(n) });
      }
    }
  }

  const groups: GraphGroup[] = spec.networks.map((network) => ({
    id: networkId(network.name),
    network,
    label: `network ${network.name}${network.internal ? ' (internal)' : ''}`,
    nodes: workloads.filter((w) => w.networks.length === 1 && w.networks[0] === network.name).map(workloadNode),
    joined: joined.has(network.name),
  }));

  const grouped = new Set(groups.flatMap((g) => g.nodes.map((n) => n.id)));
  loose.push(...workloads.map(workloadNode).filter((n) => !grouped.has(n.id)));
  loose.push(
    ...spec.volumes.map((v): StorageNode => ({ kind: 'volume', id: volumeId(v.name), title: `volume ${v.name}`, lines: [sizeLabel(v.sizeBytes)] })),
  );
  loose.push(...[...binds].map(([source, id]): StorageNode => ({ kind: 'bind', id, title: 'host folder', lines: [source] })));
  const files = fileNodes(spec, workloads);
  loose.push(...files.nodes);
  edges.push(...files.edges);

  return { name: spec.name, groups, loose, edges };
}

function workloadNode(w: WorkloadSpec): WorkloadNode {
  const image = w.main.image;
  const lines = [image.kind === 'build' ? `${image.ref}, built from ${image.context}` : image.ref, runLabel(w)];
  if (w.hostNetwork) lines.push('host network');
  return {
    kind: 'workload',
    id: workloadId(w.name),
    title: w.name,
    lines,
    sidecars: w.sidecars.map((s) => ({ name: s.name, image: s.image.ref })),
  };
}

/** Host folders of bind mounts, sorted, each with a stable id. */
function bindSources(workloads: readonly WorkloadSpec[]): Map<string, string> {
  const sources = new Set<string>();
  for (const w of workloads) for (const m of mountsOf(w)) if (m.kind === 'bind') sources.add(m.source);
  return new Map([...sources].sort(compare).map((s, i) => [s, `b_${i + 1}`]));
}

/** One edge per storage node a workload mounts (main container and sidecars), labelled with the mount paths. */
function mountEdges(w: WorkloadSpec, binds: ReadonlyMap<string, string>): GraphEdge[] {
  const targets = new Map<string, Set<string>>();
  for (const m of mountsOf(w)) {
    const to = m.kind === 'volume' ? volumeId(m.volume) : m.kind === 'bind' ? binds.get(m.source) : undefined;
    if (to === undefined) continue;
    const set = targets.get(to) ?? new Set<string>();
    set.add(`${m.target}${m.readOnly ? ' (ro)' : ''}`);
    targets.set(to, set);
  }
  return [...targets.keys()]
    .sort(compare)
    .map((to) => ({ kind: 'mount', from: workloadId(w.name), to, label: [...targets.get(to)!].sort(compare).join(', ') }));
}

function mountsOf(w: WorkloadSpec): MountSpec[] {
  return [...w.main.mounts, ...w.sidecars.flatMap((s) => s.mounts)];
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
