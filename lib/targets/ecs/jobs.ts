import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import type { JobSpec, SystemSpec } from '../../model/spec';
import { toEventBridgeCron } from './cron';
import type { EcsDiagnostics } from './diagnostics';
import { PRIVATE_SUBNETS, PUBLIC_SUBNETS } from './infrastructure';
import { isInternalOnly } from './plan';
import type { BuiltTask } from './task-definitions';

export interface JobContext {
  readonly spec: SystemSpec;
  readonly d: EcsDiagnostics;
  readonly cluster: ecs.ICluster;
  readonly servesByName: boolean;
  readonly securityGroups?: ec2.ISecurityGroup[];
}

/** A job: its task definition runs on demand, or on its schedule through an EventBridge rule. */
export function buildJob(scope: Construct, j: JobSpec, task: BuiltTask, ctx: JobContext): void {
  if (j.restart.policy === 'on-failure') {
    const times = j.restart.maxRetries !== undefined ? `up to ${j.restart.maxRetries} times` : 'without limit';
    ctx.d.add('ecs/job-retries', `${j.path} restart`, `ECS runs the task once: it is not retried on failure (${times} asked)`, 'Retry from whatever starts the task, or make the job idempotent and schedule it.');
  }
  j.main.ports.forEach((p, index) => {
    if (p.publish !== 'none') ctx.d.add('ecs/job-published-port', `${j.path} ports[${index}]`, `a standalone task is not behind the load balancer: port ${p.containerPort} is not published`, 'Make it a Service to publish it.');
  });
  if (ctx.servesByName && task.networkMode !== 'host') {
    const peers = ctx.spec.services.filter((s) => s.main.ports.some((p) => p.protocol === 'tcp') && s.networks.some((n) => j.networks.includes(n)));
    if (peers.length > 0) {
      ctx.d.add('ecs/job-by-name', `${j.path} networks`, `the job runs as a standalone task, which Service Connect does not serve: ${peers.map((s) => s.name).join(', ')} do not resolve by name inside it`, 'Pass the address in env, or run the work in a Service.');
    }
  }
  if (j.schedule === undefined) {
    ctx.d.add('ecs/job-on-demand', `${j.path}`, `the task definition ${task.taskDefinition.family} runs on demand: aws ecs run-task --task-definition ${task.taskDefinition.family}`);
    return;
  }
  const cron = toEventBridgeCron(j.schedule);
  if ('problem' in cron) return;
  const internal = isInternalOnly(ctx.spec, j);
  const awsvpc = task.networkMode === 'awsvpc';
  new events.Rule(scope, 'Schedule', {
    description: `${j.path}: ${j.schedule} (UTC)`,
    schedule: events.Schedule.expression(cron.expression),
    targets: [
      new targets.EcsTask({
        cluster: ctx.cluster,
        taskDefinition: task.taskDefinition,
        taskCount: 1,
        launchType: ctx.spec.options.ecs.launchType === 'fargate' ? ecs.LaunchType.FARGATE : ecs.LaunchType.EC2,
        platformVersion: ctx.spec.options.ecs.launchType === 'fargate' ? ecs.FargatePlatformVersion.LATEST : undefined,
        subnetSelection: awsvpc ? (internal ? PRIVATE_SUBNETS : PUBLIC_SUBNETS) : undefined,
        assignPublicIp: awsvpc ? !internal : undefined,
        securityGroups: awsvpc ? ctx.securityGroups : undefined,
      }),
    ],
  });
}
