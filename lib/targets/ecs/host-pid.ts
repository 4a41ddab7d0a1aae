import type { WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';

/** The task's `pidMode`: `host` on EC2 for a workload that shares the host's process namespace; Fargate has no host's. */
export function pidModeOf(w: WorkloadSpec, fargate: boolean, d: EcsReporter): 'host' | undefined {
  if (!w.hostPid) return undefined;
  if (!fargate) return 'host';
  d.report(
    'ecs/host-pid-fargate',
    `${w.path} hostPid`,
    `a Fargate task cannot share the process namespace of a host: ${w.name} sees only the processes of its task`,
    "Set targetOptions.ecs.launchType 'ec2' to give it pidMode host.",
  );
  return undefined;
}
