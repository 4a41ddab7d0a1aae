import { Duration } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import type { ServiceSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { cloudMapOf } from './job-names';
import { addAliases } from './aliases';
import { applyServicePlacement } from './node-placement';
import { deploymentPercents } from './rollout';
import { serviceConnectOf } from './service-connect';
import { reportServiceRestart } from './service-restart';
import type { BuiltTask } from './task-definitions';
import { placementOf } from './vpc';

interface ServiceContext {
  readonly spec: SystemSpec;
  readonly d: EcsReporter;
  readonly cluster: ecs.ICluster;
  readonly namespace?: servicediscovery.INamespace;
  /** Security groups for awsvpc tasks: the workload's own first, then one per network. */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /** Set when the service has published ports: the load balancer needs a grace period. */
  readonly published: boolean;
}

/**
 * A long-running service: an ECS service, desired count = replicas, rolling deployments with a circuit breaker,
 * reachable by name through Service Connect (service-connect.ts). A global service on EC2 is a daemon service, one
 * task on every container instance, replaced instance by instance; Fargate has no instances, so it runs one task.
 */
export function buildService(scope: Construct, s: ServiceSpec, task: BuiltTask, ctx: ServiceContext): ecs.BaseService {
  const service = createService(scope, s, task, ctx);
  applyServicePlacement(service, s, ctx.d);
  addAliases(service, s, ctx.spec, ctx.namespace !== undefined && task.networkMode !== 'host', ctx.d);
  return service;
}

function createService(scope: Construct, s: ServiceSpec, task: BuiltTask, ctx: ServiceContext): ecs.BaseService {
  const startPeriod = s.main.health?.startPeriodSeconds ?? 0;
  reportServiceRestart(s, ctx.d);
  const common = {
    cluster: ctx.cluster,
    taskDefinition: task.construct as ecs.TaskDefinition,
    serviceName: s.name,
    desiredCount: s.replicas,
    ...deploymentPercents(s),
    circuitBreaker: { rollback: true },
    propagateTags: ecs.PropagatedTagSource.SERVICE,
    serviceConnectConfiguration: serviceConnectOf(s, task.networkMode, ctx.namespace, ctx.d),
    cloudMapOptions: cloudMapOf(s, task.networkMode, ctx.namespace),
    healthCheckGracePeriod: ctx.published ? Duration.seconds(Math.max(60, startPeriod)) : undefined,
  };
  const fargate = task.networkMode === 'awsvpc' && ctx.spec.options.ecs.launchType === 'fargate';
  if (s.global && fargate) {
    ctx.d.report(
      'ecs/global-service',
      `${s.path} mode`,
      `Fargate has no container instances to run a task on each: the global service ${s.name} runs one task`,
      "Choose targetOptions.ecs.launchType 'ec2' to run it as a daemon service, one task on every container instance.",
    );
  }
  const daemon = s.global && !fargate ? { daemon: true, desiredCount: undefined, minHealthyPercent: 0, maxHealthyPercent: 100 } : {};
  if (task.networkMode !== 'awsvpc') return new ecs.Ec2Service(scope, 'Service', { ...common, ...daemon });
  const placement = placementOf(ctx.spec, s);
  const props = {
    ...common,
    assignPublicIp: placement.publicIp,
    vpcSubnets: placement.subnets,
    securityGroups: ctx.securityGroups,
  };
  return ctx.spec.options.ecs.launchType === 'fargate'
    ? new ecs.FargateService(scope, 'Service', { ...props, platformVersion: ecs.FargatePlatformVersion.LATEST })
    : new ecs.Ec2Service(scope, 'Service', { ...props, ...daemon });
}
