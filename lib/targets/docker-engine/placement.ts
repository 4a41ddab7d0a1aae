import type { PlacementConstraintSpec, WorkloadSpec } from '../../model/spec';
import type { EngineMap } from './document';
import type { FindingText } from './finding-text';
import { propPath } from './prop-path';

/** A node's architecture as Swarm reports it (`uname -m`), by the model's name. */
const SWARM_ARCH: Readonly<Record<string, string>> = { amd64: 'x86_64', arm64: 'aarch64' };

const ATTRIBUTE: Record<PlacementConstraintSpec['kind'], (c: PlacementConstraintSpec) => string> = {
  'node-label': (c) => `node.labels.${c.label}`,
  'engine-label': (c) => `engine.labels.${c.label}`,
  hostname: () => 'node.hostname',
  'node-id': () => 'node.id',
  role: () => 'node.role',
  os: () => 'node.platform.os',
  arch: () => 'node.platform.arch',
};

/** One rule as Swarm writes it: `node.labels.zone == eu-1`, `node.platform.arch == aarch64`. */
export function constraintText(c: PlacementConstraintSpec): string {
  const value = c.kind === 'arch' ? SWARM_ARCH[c.value] : c.value;
  return `${ATTRIBUTE[c.kind](c)} ${c.operator} ${value}`;
}

/** The platform as rules (a stack file has no `platform`; a node reports its own os and architecture). */
export function platformConstraints(workload: WorkloadSpec): string[] {
  return workload.platform ? [`node.platform.os == ${workload.platform.os}`, `node.platform.arch == ${SWARM_ARCH[workload.platform.architecture]}`] : [];
}

/**
 * `deploy.placement` of a Compose or stack file: the rules in `before`, then the workload's, each once; the labels to
 * spread over; the cap per node.
 */
export function placementKey(workload: WorkloadSpec, before: readonly string[] = []): EngineMap | undefined {
  const p = workload.placement;
  const constraints = [...new Set([...before, ...(p?.constraints ?? []).map(constraintText)])];
  const out: EngineMap = {};
  if (constraints.length > 0) out.constraints = constraints;
  if (p && p.spread.length > 0) out.preferences = p.spread.map((label) => ({ spread: `node.labels.${label}` }));
  if (p?.maxReplicasPerNode !== undefined) out.max_replicas_per_node = p.maxReplicasPerNode;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Placement on an engine that runs every container on one host (`docker compose up`, a `docker run` script): there
 * is no node to choose, so no rule is applied. The path and words each of those targets reports with its code.
 */
export function oneHostPlacementFinding(workload: WorkloadSpec, engine: string, instead: string): { readonly path: string; readonly text: FindingText } | undefined {
  const p = workload.placement;
  if (!p) return undefined;
  const said = [...p.constraints.map(constraintText), ...p.spread.map((l) => `spread over node.labels.${l}`), ...(p.maxReplicasPerNode !== undefined ? [`at most ${p.maxReplicasPerNode} per node`] : [])];
  return {
    path: propPath(workload.path, 'placement'),
    text: [`${engine} runs every container on this one host: the placement of ${workload.name} (${said.join(', ')}) is not applied${instead}.`, 'Deploy to Swarm, Kubernetes or ECS on EC2 to choose the nodes.'],
  };
}
