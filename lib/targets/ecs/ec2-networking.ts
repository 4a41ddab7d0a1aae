import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { isLoopbackBound } from './exposure';

/**
 * Networking of the EC2 launch type: tasks use `awsvpc` as on Fargate (their own network interface, in the private
 * subnets, one security group per network), except where the model asks for a dynamic host port, which only
 * bridge mode gives (`-p 80`: the load balancer reaches the port the instance picks).
 */

export type NetworkMode = 'awsvpc' | 'bridge' | 'host';

/** The network mode of a workload's task: awsvpc on Fargate; on EC2 host or bridge when the model asks for them. */
export function networkModeOf(spec: SystemSpec, w: WorkloadSpec): NetworkMode {
  if (spec.options.ecs.launchType === 'fargate') return 'awsvpc';
  if (w.hostNetwork) return 'host';
  return needsBridge(w) ? 'bridge' : 'awsvpc';
}

/** True when the workload publishes a port on a dynamic host port: on EC2 its task needs bridge mode. */
function needsBridge(w: WorkloadSpec): boolean {
  return w.kind === 'service' && w.main.ports.some((p) => p.publish === 'dynamic' && !isLoopbackBound(p));
}

/**
 * Network interfaces of each instance type for tasks (the primary one is the instance's own). The count of
 * instances is raised until every awsvpc task has one.
 */
export const TASK_INTERFACES: Readonly<Record<string, number>> = {
  't3.small': 2,
  't3.medium': 2,
  't3.large': 2,
  't3.xlarge': 3,
  't3.2xlarge': 3,
  'm5.4xlarge': 7,
  'm5.8xlarge': 7,
  'g4dn.xlarge': 2,
  'g4dn.2xlarge': 2,
  'g4dn.4xlarge': 2,
  'g4dn.8xlarge': 3,
  'g4dn.12xlarge': 7,
  'g4dn.16xlarge': 3,
  'g4dn.metal': 14,
  'g5.48xlarge': 6,
};

/** How many awsvpc tasks run at once on EC2: every replica of a service, and one task per job. */
export function awsvpcTaskCount(spec: SystemSpec, modeOf: (w: WorkloadSpec) => string): number {
  const services = spec.services.filter((s) => modeOf(s) === 'awsvpc').reduce((n, s) => n + s.replicas, 0);
  return services + spec.jobs.filter((j) => modeOf(j) === 'awsvpc').length;
}
