import { Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import type { JobSpec, SystemSpec } from '../../model/spec';
import { reportJobAliases } from './aliases';
import type { EcsReporter } from './codes';
import { toEventBridgeCron } from './cron';
import { offGpuInstances } from './gpu-capacity';
import { checkJobByName, runTaskOutput } from './job-names';
import { CfnPolicy, CfnRole } from './l1-resources';
import { networkModeOf } from './networks';
import { policyNameOf } from './policy-names';
import type { BuiltTask } from './task-definitions';
import { placementOf, subnetIdsOf } from './vpc';

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

/** The job run on demand, or by its schedule rule, whose construct (`<workload>/Schedule`) it returns. */
export function buildJob(scope: Construct, j: JobSpec, task: BuiltTask, ctx: JobContext): Construct | undefined {
  if (j.restart.policy === 'on-failure') {
    const times = j.restart.maxRetries !== undefined ? `up to ${j.restart.maxRetries} times` : 'without limit';
    ctx.d.report('ecs/job-retries', `${j.path} restart`, `ECS runs the task once: it is not retried on failure (${times} asked)`, 'Retry from whatever starts the task, or make the job idempotent and schedule it.');
  }
  checkJobByName(ctx.spec, j, (s) => networkModeOf(ctx.spec, s), ctx.d);
  reportJobAliases(j, ctx.d);
  if (j.schedule === undefined) {
    if (task.networkMode === 'awsvpc' && ctx.securityGroups && Stack.of(scope) === Stack.of(ctx.cluster)) {
      const placement = placementOf(ctx.spec, j);
      runTaskOutput(scope, j, subnetIdsOf(ctx.vpc, placement.subnets), ctx.securityGroups, placement.publicIp);
    }
    const offGpu = ctx.spec.options.ecs.launchType === 'fargate' ? undefined : offGpuInstances(ctx.spec, j);
    const constraint = offGpu ? ` --placement-constraints 'type=${offGpu.type},expression=${offGpu.expression}'` : '';
    ctx.d.report('ecs/job-on-demand', `${j.path}`, `the task definition ${task.family} runs on demand: aws ecs run-task --task-definition ${task.family}${constraint}`);
    return undefined;
  }
  const cron = toEventBridgeCron(j.schedule);
  if ('problem' in cron) return undefined;
  const fargate = ctx.spec.options.ecs.launchType === 'fargate';
  const placement = placementOf(ctx.spec, j);
  const ecsParameters: events.CfnRule.EcsParametersProperty =
    task.networkMode === 'awsvpc'
      ? {
          taskCount: 1,
          taskDefinitionArn: task.arn,
          launchType: fargate ? 'FARGATE' : 'EC2',
          platformVersion: fargate ? ecs.FargatePlatformVersion.LATEST : undefined,
          networkConfiguration: {
            awsVpcConfiguration: {
              subnets: subnetIdsOf(ctx.vpc, placement.subnets),
              assignPublicIp: placement.publicIp ? 'ENABLED' : 'DISABLED',
              securityGroups: ctx.securityGroups!.map((g) => g.securityGroupId),
            },
          },
        }
      : { taskCount: 1, taskDefinitionArn: task.arn };
  const offGpu = fargate ? undefined : offGpuInstances(ctx.spec, j);
  const schedule = new Construct(scope, 'Schedule');
  new events.CfnRule(schedule, 'Resource', {
    description: `${j.path}: ${j.schedule} (UTC)`,
    state: 'ENABLED',
    scheduleExpression: cron.expression,
    targets: [{ id: 'Target0', arn: ctx.cluster.clusterArn, roleArn: eventsRole(task, ctx.cluster, fargate), ecsParameters: offGpu ? { ...ecsParameters, placementConstraints: [offGpu] } : ecsParameters, input: '{}' }],
  });
  return schedule;
}

/**
 * The role EventBridge runs the job's task with, beside the task definition as aws-cdk-lib's EcsTask target makes it
 * (`<workload>/TaskDefinition/EventsRole`): it may run the task on the cluster, tag it, and pass the task's roles
 * (the task role on Fargate only). Returns its ARN.
 */
function eventsRole(task: BuiltTask, cluster: ecs.ICluster, fargate: boolean): string {
  const construct = new Construct(task.construct, 'EventsRole');
  const role = new CfnRole(construct, 'Resource', {
    assumeRolePolicyDocument: {
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' } }],
      Version: '2012-10-17',
    },
  });
  const passes = [...(task.executionRole ? [task.executionRole.arn] : []), ...(fargate ? [task.taskRole.arn] : [])];
  const statements = [
    { Action: 'ecs:RunTask', Condition: { ArnEquals: { 'ecs:cluster': cluster.clusterArn } }, Effect: 'Allow', Resource: task.arn },
    { Action: 'ecs:TagResource', Effect: 'Allow', Resource: `arn:${Stack.of(cluster).partition}:ecs:${cluster.env.region}:*:task/${cluster.clusterName}/*` },
    ...passes.map((arn) => ({ Action: 'iam:PassRole', Effect: 'Allow', Resource: arn })),
  ];
  const policy = new CfnPolicy(new Construct(construct, 'DefaultPolicy'), 'Resource', {
    policyDocument: { Statement: statements, Version: '2012-10-17' },
    policyName: '',
    roles: [role.ref],
  });
  policy.policyName = policyNameOf(policy);
  return role.attrArn;
}
