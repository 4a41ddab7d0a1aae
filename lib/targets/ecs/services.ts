import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import type { ServiceSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { offGpuInstances } from './gpu-capacity';
import { buildCloudMapService } from './job-names';
import { addAliases } from './aliases';
import { CfnService } from './l1-resources';
import { applyServicePlacement } from './node-placement';
import { deploymentPercents } from './rollout';
import { serviceConnectOf } from './service-connect';
import { reportServiceRestart } from './service-restart';
import type { BuiltTask } from './task-definitions';
import { placementOf, subnetIdsOf } from './vpc';

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

/** An ECS service as built: what load balancers, dependencies, scaling and tags attach to. */
export interface BuiltService {
  /**
   * The construct at `<workload>/Service`, which holds the ECS service and its Cloud Map service: both depend on
   * what it depends on, and carry its tags.
   */
  readonly construct: Construct;
  readonly resource: ecs.CfnService;
}

/**
 * A long-running service: an ECS service, desired count = replicas, rolling deployments with a circuit breaker,
 * reachable by name through Service Connect (service-connect.ts). A global service on EC2 is a daemon service, one
 * task on every container instance, replaced instance by instance; Fargate has no instances, so it runs one task.
 */
export function buildService(scope: Construct, s: ServiceSpec, task: BuiltTask, ctx: ServiceContext): BuiltService {
  const service = createService(scope, s, task, ctx);
  applyServicePlacement(service, s, ctx.d);
  const offGpu = offGpuInstances(ctx.spec, s);
  if (offGpu) service.resource.placementConstraints = [...((service.resource.placementConstraints as ecs.CfnService.PlacementConstraintProperty[] | undefined) ?? []), offGpu];
  addAliases(service, s, ctx.spec, ctx.namespace !== undefined && task.networkMode !== 'host', ctx.d);
  return service;
}

function createService(scope: Construct, s: ServiceSpec, task: BuiltTask, ctx: ServiceContext): BuiltService {
  const startPeriod = s.main.health?.startPeriodSeconds ?? 0;
  reportServiceRestart(s, ctx.d);
  const serviceConnect = serviceConnectOf(s, task.networkMode, ctx.namespace, ctx.d);
  const fargate = task.networkMode === 'awsvpc' && ctx.spec.options.ecs.launchType === 'fargate';
  if (s.global && fargate) {
    ctx.d.report(
      'ecs/global-service',
      `${s.path} mode`,
      `Fargate has no container instances to run a task on each: the global service ${s.name} runs one task`,
      "Choose targetOptions.ecs.launchType 'ec2' to run it as a daemon service, one task on every container instance.",
    );
  }
  const daemon = s.global && !fargate;
  const percents = daemon ? { minHealthyPercent: 0, maxHealthyPercent: 100 } : deploymentPercents(s);
  const construct = new Construct(scope, 'Service');
  const placement = task.networkMode === 'awsvpc' ? placementOf(ctx.spec, s) : undefined;
  const resource = new CfnService(construct, 'Service', {
    cluster: ctx.cluster.clusterName,
    taskDefinition: task.arn,
    serviceName: s.name,
    desiredCount: daemon ? undefined : s.replicas,
    deploymentConfiguration: {
      maximumPercent: percents.maxHealthyPercent,
      minimumHealthyPercent: percents.minHealthyPercent,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      alarms: { alarmNames: [], enable: false, rollback: false },
    },
    deploymentController: { type: 'ECS' },
    propagateTags: 'SERVICE',
    enableEcsManagedTags: false,
    launchType: fargate ? 'FARGATE' : 'EC2',
    platformVersion: fargate ? ecs.FargatePlatformVersion.LATEST : undefined,
    schedulingStrategy: fargate ? undefined : daemon ? 'DAEMON' : 'REPLICA',
    healthCheckGracePeriodSeconds: ctx.published ? Math.max(60, startPeriod) : undefined,
    networkConfiguration: placement && {
      awsvpcConfiguration: {
        assignPublicIp: placement.publicIp ? 'ENABLED' : 'DISABLED',
        subnets: subnetIdsOf(ctx.cluster.vpc, placement.subnets),
        securityGroups: ctx.securityGroups!.map((g) => g.securityGroupId),
      },
    },
    serviceConnectConfiguration: serviceConnect,
  });
  // aws-cdk-lib's services wait for the task role and its policy, so that the tasks start with their permissions
  construct.node.addDependency(task.taskRole.construct);
  const registry = buildCloudMapService(construct, s, task.networkMode, ctx.namespace);
  if (registry) resource.serviceRegistries = [{ registryArn: registry }];
  return { construct, resource };
}
