import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { ServiceSpec } from '../../model/spec';

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
