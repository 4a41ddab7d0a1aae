import { Duration } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import type { ServiceSpec, SystemSpec } from '../../model/spec';
import type { EcsDiagnostics } from './diagnostics';
import { PRIVATE_SUBNETS, PUBLIC_SUBNETS } from './infrastructure';
import { isInternalOnly } from './plan';
import type { BuiltTask } from './task-definitions';

export interface ServiceContext {
  readonly spec: SystemSpec;
  readonly d: EcsDiagnostics;
  readonly cluster: ecs.ICluster;
  readonly namespace?: servicediscovery.INamespace;
  /** Security groups for awsvpc tasks: the workload's own first, then one per network. */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /** Set when the service has published ports: the load balancer needs a grace period. */
  readonly published: boolean;
}

/** Service Connect: every tcp port is reachable as `<service>:<port>`, as in Compose. */
function serviceConnectOf(s: ServiceSpec, task: BuiltTask, ctx: ServiceContext): ecs.ServiceConnectProps | undefined {
  if (!ctx.namespace || task.networkMode === 'host') return undefined;
  s.main.ports.forEach((p, index) => {
    if (p.protocol === 'udp') {
      ctx.d.add('ecs/udp-by-name', `${s.path} ports[${index}]`, `Service Connect carries TCP only: udp port ${p.containerPort} is not reachable as ${s.name}:${p.containerPort}`, 'Publish it through the load balancer, or reach the task by its IP address.');
    }
  });
  const services = s.main.ports
    .filter((p) => p.protocol === 'tcp')
    .map((p) => ({ portMappingName: p.name, discoveryName: `${s.name}-${p.name}`, dnsName: s.name, port: p.containerPort }));
  return { services: services.length > 0 ? services : undefined };
}

/** An ECS service: desired count = replicas, rolling deployments with a circuit breaker. */
export function buildService(scope: Construct, s: ServiceSpec, task: BuiltTask, ctx: ServiceContext): ecs.BaseService {
  const startPeriod = s.main.health?.startPeriodSeconds ?? 0;
  const common = {
    cluster: ctx.cluster,
    taskDefinition: task.taskDefinition,
    serviceName: s.name,
    desiredCount: s.replicas,
    minHealthyPercent: 100,
    maxHealthyPercent: 200,
    circuitBreaker: { rollback: true },
    propagateTags: ecs.PropagatedTagSource.SERVICE,
    serviceConnectConfiguration: serviceConnectOf(s, task, ctx),
    healthCheckGracePeriod: ctx.published ? Duration.seconds(Math.max(60, startPeriod)) : undefined,
  };
  if (task.networkMode !== 'awsvpc') return new ecs.Ec2Service(scope, 'Service', common);
  const internal = isInternalOnly(ctx.spec, s);
  const props = {
    ...common,
    assignPublicIp: !internal,
    vpcSubnets: internal ? PRIVATE_SUBNETS : PUBLIC_SUBNETS,
    securityGroups: ctx.securityGroups,
  };
  return ctx.spec.options.ecs.launchType === 'fargate'
    ? new ecs.FargateService(scope, 'Service', { ...props, platformVersion: ecs.FargatePlatformVersion.LATEST })
    : new ecs.Ec2Service(scope, 'Service', props);
}
