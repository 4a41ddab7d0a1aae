import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { ContainerSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import type { AllowStatement } from './identity-policy';

/**
 * Logs on ECS: the awslogs driver into one log group per system, kept as long as the options say (the model admits
 * only retentions CloudWatch Logs offers). awslogs has no size limit, so the retention bounds the logs.
 */
export function buildLogGroup(stack: Stack, spec: SystemSpec): logs.ILogGroup {
  return new logs.LogGroup(stack, 'Logs', {
    retention: spec.options.ecs.logRetentionDays as logs.RetentionDays,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/** A container's awslogs driver, and what its task's execution role needs to write there. */
export interface AwsLogs {
  readonly configuration: ecs.CfnTaskDefinition.LogConfigurationProperty;
  readonly grant: AllowStatement;
}

/**
 * The container's log driver, as aws-cdk-lib's awslogs driver writes it; a size limit the container asks for is
 * reported as not enforced.
 */
export function logDriverOf(c: ContainerSpec, logGroup: logs.ILogGroup, streamPrefix: string, d: EcsReporter): AwsLogs {
  if (c.logging) {
    d.report('ecs/log-limits', `${c.path} logging`, `awslogs has no size limit (asked: ${c.logging.maxFiles} files of ${c.logging.maxSizeBytes} bytes): the log group's retention bounds the logs`);
  }
  return {
    configuration: { logDriver: 'awslogs', options: { 'awslogs-group': logGroup.logGroupName, 'awslogs-stream-prefix': streamPrefix, 'awslogs-region': logGroup.env.region } },
    grant: { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] },
  };
}
