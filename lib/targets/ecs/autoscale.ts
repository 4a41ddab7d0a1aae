import { Names, Stack } from 'aws-cdk-lib';
import * as applicationautoscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import { Construct } from 'constructs';
import type { ServiceSpec } from '../../model/spec';
import type { BuiltService } from './services';

/**
 * Resources under a service or the stack that aws-cdk-lib tags but whose CloudFormation schema has no Tags (cfn-lint
 * E3002): the scaling target of a service, and the rules of the routes' listeners.
 */
export const UNTAGGABLE = ['AWS::ApplicationAutoScaling::ScalableTarget', 'AWS::ElasticLoadBalancingV2::ListenerRule'] as const;

/** The service-linked role Application Auto Scaling uses for ECS services, which AWS creates on first use. */
const ECS_SCALING_ROLE = { region: '', service: 'iam', resource: 'role/aws-service-role/ecs.application-autoscaling.amazonaws.com', resourceName: 'AWSServiceRoleForApplicationAutoScaling_ECSService' };

/**
 * Application Auto Scaling for a service that autoscales: a scalable target from `min` to `max` tasks, and one
 * target-tracking policy per signal (the service's average CPU or memory use, in percent of the task's).
 */
export function addAutoscaling(service: BuiltService, s: ServiceSpec, clusterName: string): void {
  const a = s.autoscale;
  if (!a) return;
  // the paths aws-cdk-lib's autoScaleTaskCount gives them: <service>/TaskCount/Target, and a policy by signal below it
  const scope = new Construct(new Construct(service.construct, 'TaskCount'), 'Target');
  const target = new applicationautoscaling.CfnScalableTarget(scope, 'Resource', {
    maxCapacity: a.max,
    minCapacity: a.min,
    resourceId: `service/${clusterName}/${service.resource.attrName}`,
    roleArn: Stack.of(scope).formatArn(ECS_SCALING_ROLE),
    scalableDimension: 'ecs:service:DesiredCount',
    serviceNamespace: 'ecs',
  });
  const track = (id: string, metric: string, percent: number) => {
    const policy = new Construct(scope, id);
    new applicationautoscaling.CfnScalingPolicy(policy, 'Resource', {
      policyName: Names.uniqueId(policy),
      policyType: 'TargetTrackingScaling',
      scalingTargetId: target.ref,
      targetTrackingScalingPolicyConfiguration: { predefinedMetricSpecification: { predefinedMetricType: metric }, targetValue: percent },
    });
  };
  if (a.cpuPercent !== undefined) track('Cpu', 'ECSServiceAverageCPUUtilization', a.cpuPercent);
  if (a.memoryPercent !== undefined) track('Memory', 'ECSServiceAverageMemoryUtilization', a.memoryPercent);
}
