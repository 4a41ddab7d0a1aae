import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { everySourcePrivate } from './exposure';
import { publishedPorts } from './ports';
import { workloadsOf } from './workloads';

/**
 * Which subnets a system needs, read from its spec alone (no aws-cdk-lib: the stack plan and the joiner of a
 * system rendered in parts use it too): public ones for load balancers and tasks with a public IP, private ones for
 * tasks only on internal networks and for EC2 container instances.
 */

/** True when every network of the workload is internal: its tasks get no public IP. */
export function isInternalOnly(spec: SystemSpec, w: WorkloadSpec): boolean {
  if (w.networks.length === 0) return false;
  return w.networks.every((name) => spec.networks.find((n) => n.name === name)?.internal === true);
}

/** True when some workload needs private subnets: internal-only tasks, or EC2 container instances. */
export function needsPrivateSubnets(spec: SystemSpec): boolean {
  if (spec.options.ecs.launchType === 'ec2') return true;
  const published = publishedPorts(spec);
  if ((['alb', 'nlb'] as const).some((kind) => everySourcePrivate(published.filter((p) => p.kind === kind).map((p) => p.port)))) return true;
  return workloadsOf(spec).some((w) => isInternalOnly(spec, w));
}

/** True when some workload or load balancer needs public subnets. */
export function needsPublicSubnets(spec: SystemSpec): boolean {
  if (publishedPorts(spec).length > 0) return true;
  if (spec.options.ecs.launchType === 'ec2') return false;
  return workloadsOf(spec).some((w) => !isInternalOnly(spec, w));
}
