import type { TargetName } from '../diagnostics/diagnostic';
import type { PartJoiner } from '../targets/target';

export { partDiagnostics, type PartJoiner } from '../targets/target';

/** Each joiner's module is required only when its target runs, as the targets' own (targets.ts). */
const JOINERS: Partial<Record<TargetName, () => PartJoiner>> = {
  kubernetes: () => require('../targets/kubernetes/joiner').kubernetesJoiner,
  ecs: () => require('../targets/ecs/stack-parts').ecsJoiner,
};

/** The joiner of a target that renders in parts, or undefined when it renders each system whole. */
export function joinerOf(name: TargetName): PartJoiner | undefined {
  return JOINERS[name]?.();
}
