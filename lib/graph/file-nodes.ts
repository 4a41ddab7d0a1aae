import type { SystemSpec, WorkloadSpec } from '../model/spec';
import type { GraphEdge, StorageNode } from './system-graph';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Config files and secrets mounted as files, drawn like volumes: one storage node each (`c_<name>`, `s_<name>`),
 * joined to every workload that mounts it by an edge labelled with the paths, read-only.
 */
export function fileNodes(spec: SystemSpec, workloads: readonly WorkloadSpec[]): { nodes: StorageNode[]; edges: GraphEdge[] } {
  const targets = new Map<string, Set<string>>();
  const edgeKey = (w: string, to: string) => `${w}\u0000${to}`;
  const used = new Set<string>();
  for (const w of workloads) {
    for (const f of [w.main, ...w.sidecars].flatMap((c) => c.files)) {
      const to = `${f.kind === 'config' ? 'c' : 's'}_${f.source}`;
      used.add(to);
      const key = edgeKey(w.name, to);
      targets.set(key, (targets.get(key) ?? new Set<string>()).add(`${f.target} (ro)`));
    }
  }
  const nodes: StorageNode[] = [
    ...spec.configFiles
      .filter((c) => used.has(`c_${c.name}`))
      .map((c): StorageNode => ({ kind: 'volume', id: `c_${c.name}`, title: `config file ${c.name}`, lines: [c.projectPath ?? 'inline text'] })),
    ...spec.secrets.filter((s) => used.has(`s_${s.name}`)).map((s): StorageNode => ({ kind: 'volume', id: `s_${s.name}`, title: `secret ${s.name}`, lines: ['file'] })),
  ];
  const edges = [...targets.keys()].sort(byString).map((key): GraphEdge => {
    const [w, to] = key.split('\u0000');
    return { kind: 'mount', from: `w_${w}`, to, label: [...targets.get(key)!].sort(byString).join(', ') };
  });
  return { nodes, edges };
}
