import type { ContainerSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { EC2_FIX } from './launch-type';

/** A privileged container: Fargate runs none; on EC2 it is kept, with a warning. */
export function checkPrivileged(spec: SystemSpec, c: ContainerSpec, d: EcsReporter): void {
  if (!c.privileged) return;
  if (spec.options.ecs.launchType === 'fargate') {
    d.report('ecs/privileged-fargate', `${c.path} privileged`, 'privileged containers need the EC2 launch type: Fargate runs none', `${EC2_FIX}, or drop privileged.`);
  } else {
    d.report('ecs/privileged', `${c.path} privileged`, 'kept: the container has full access to the container instance');
  }
}
