import type { TargetName } from '../diagnostics/diagnostic';
import type { Target } from '../targets/target';

/**
 * Each target's module is required only when that target runs, so `--target compose` never loads cdk8s or
 * aws-cdk-lib.
 */
const LOADERS: Record<TargetName, () => Target> = {
  compose: () => require('../targets/compose').composeTarget,
  kubernetes: () => require('../targets/kubernetes').kubernetesTarget,
  ecs: () => require('../targets/ecs').ecsTarget,
  docker: () => require('../targets/docker').dockerTarget,
  swarm: () => require('../targets/swarm').swarmTarget,
};

export function loadTarget(name: TargetName): Target {
  return LOADERS[name]();
}

