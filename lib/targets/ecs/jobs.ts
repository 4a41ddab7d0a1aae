import { Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import type { JobSpec, SystemSpec } from '../../model/spec';
import { reportJobAliases } from './aliases';
import type { EcsReporter } from './codes';
import { toEventBridgeCron } from './cron';
import { checkJobByName, runTaskOutput } from './job-names';
import { networkModeOf } from './networks';
import type { BuiltTask } from './task-definitions';
import { placementOf } from './vpc';

/**
 * A one-shot job: its task definition runs on demand (`aws ecs run-task`), or on its schedule through an
 * EventBridge rule. ECS runs the task once: on-failure retries are not carried out.
 */

interface JobContext {
  readonly spec: SystemSpec;
  readonly d: EcsReporter;
  readonly cluster: ecs.ICluster;
  readonly vpc: ec2.IVpc;
  readonly securityGroups?: ec2.ISecurityGroup[];
}

/** EventBridge cron cannot set both a day of month and a day of week. */
export function checkSchedule(j: JobSpec, d: EcsReporter): void {
  if (j.schedule === undefined) return;
  const cron = toEventBridgeCron(j.schedule);
  if ('problem' in cron) d.report('ecs/cron-days', `${j.path} schedule`, `EventBridge cannot express ${JSON.stringify(j.schedule)}: ${cron.problem}`, 'Set either the day of month or the day of week, and * in the other.');
}

/** The job run on demand, or by its schedule rule, which it returns. */
export function buildJob(scope: Construct, j: JobSpec, task: BuiltTask, ctx: JobContext): events.Rule | undefined {
  if (j.restart.policy === 'on-failure') {
    const times = j.restart.maxRetries !== undefined ? `up to ${j.restart.maxRetries} times` : 'without limit';
    ctx.d.report('ecs/job-retries', `${j.path} restart`, `ECS runs the task once: it is not retried on failure (${times} asked)`, 'Retry from whatever starts the task, or make the job idempotent and schedule it.');
  }
  checkJobByName(ctx.spec, j, (s) => networkModeOf(ctx.spec, s), ctx.d);
  reportJobAliases(j, ctx.d);
  if (j.schedule === undefined) {
    if (task.networkMode === 'awsvpc' && ctx.securityGroups && Stack.of(scope) === Stack.of(ctx.cluster)) {
      const placement = placementOf(ctx.spec, j);
      runTaskOutput(scope, j, ctx.vpc.selectSubnets(placement.subnets).subnetIds, ctx.securityGroups, placement.publicIp);
    }
    ctx.d.report('ecs/job-on-demand', `${j.path}`, `the task definition ${task.family} runs on demand: aws ecs run-task --task-definition ${task.family}`);
    return undefined;
  }
  const cron = toEventBridgeCron(j.schedule);
  if ('problem' in cron) return undefined;
  const awsvpc = task.networkMode === 'awsvpc';
  const placement = placementOf(ctx.spec, j);
  return new events.Rule(scope, 'Schedule', {
    description: `${j.path}: ${j.schedule} (UTC)`,
    schedule: events.Schedule.expression(cron.expression),
    targets: [
      new targets.EcsTask({
        cluster: ctx.cluster,
        taskDefinition: task.construct as ecs.TaskDefinition,
        taskCount: 1,
        launchType: ctx.spec.options.ecs.launchType === 'fargate' ? ecs.LaunchType.FARGATE : ecs.LaunchType.EC2,
        platformVersion: ctx.spec.options.ecs.launchType === 'fargate' ? ecs.FargatePlatformVersion.LATEST : undefined,
        subnetSelection: awsvpc ? placement.subnets : undefined,
        assignPublicIp: awsvpc ? placement.publicIp : undefined,
        securityGroups: awsvpc ? ctx.securityGroups : undefined,
      }),
    ],
  });
}
