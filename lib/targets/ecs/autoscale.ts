import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { ServiceSpec } from '../../model/spec';

/**
 * Resources under a service or the stack that aws-cdk-lib tags but whose CloudFormation schema has no Tags (cfn-lint
 * E3002): the scaling target of a service, and the rules of the routes' listeners.
 */
export const UNTAGGABLE = ['AWS::ApplicationAutoScaling::ScalableTarget', 'AWS::ElasticLoadBalancingV2::ListenerRule'] as const;

/**
 * Application Auto Scaling for a service that autoscales: a scalable target from `min` to `max` tasks, and one
 * target-tracking policy per signal (the service's average CPU or memory use, in percent of the task's).
 */
export function addAutoscaling(service: ecs.BaseService, s: ServiceSpec): void {
  const a = s.autoscale;
  if (!a) return;
  const scaling = service.autoScaleTaskCount({ minCapacity: a.min, maxCapacity: a.max });
  if (a.cpuPercent !== undefined) scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: a.cpuPercent });
  if (a.memoryPercent !== undefined) scaling.scaleOnMemoryUtilization('Memory', { targetUtilizationPercent: a.memoryPercent });
}
