import type { TargetName } from '../diagnostics/diagnostic';
import type { PartJoiner } from '../targets/target';

export { partDiagnostics, type PartJoiner } from '../targets/target';

/**
 * Services and jobs per part when LADING_PART_WORKLOADS does not say. On 2 cores, 1,000 Kubernetes services took
 * 0.68-1.19 s in one thread and 0.73-1.35 s in two parts; the 1,000-service ECS system (L1 workload stacks) 2.37-2.83 s
 * in one thread and 2.47-3.19 s in two parts, with 40 % more CPU (bench/NOTES.md).
 */
const WORKLOADS_PER_PART = 1000;

/**
 * Services and jobs per part below which a part's thread costs more than it saves: each part's thread starts Node
 * and loads its target's library again (for ECS, builds and synthesizes the shared stack again too), while one
 * thread already keeps a second core busy with V8's garbage collector. `LADING_PART_WORKLOADS=<n>` chooses.
 */
export function workloadsPerPart(env: NodeJS.ProcessEnv = process.env): number {
  const chosen = Number(env.LADING_PART_WORKLOADS);
  return Number.isInteger(chosen) && chosen >= 1 ? chosen : WORKLOADS_PER_PART;
}

/** Each joiner's module is required only when its target runs, as the targets' own (targets.ts). */
const JOINERS: Partial<Record<TargetName, () => PartJoiner>> = {
  kubernetes: () => require('../targets/kubernetes/joiner').kubernetesJoiner,
  ecs: () => require('../targets/ecs/stack-parts').ecsJoiner,
};

/** The joiner of a target that renders in parts, or undefined when it renders each system whole. */
export function joinerOf(name: TargetName): PartJoiner | undefined {
  return JOINERS[name]?.();
}
