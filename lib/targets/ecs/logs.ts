import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { ContainerSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';

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

/** The container's log driver; a size limit it asks for is reported as not enforced. */
export function logDriverOf(c: ContainerSpec, logGroup: logs.ILogGroup, streamPrefix: string, d: EcsReporter): ecs.LogDriver {
  if (c.logging) {
    d.report('ecs/log-limits', `${c.path} logging`, `awslogs has no size limit (asked: ${c.logging.maxFiles} files of ${c.logging.maxSizeBytes} bytes): the log group's retention bounds the logs`);
  }
  return ecs.LogDrivers.awsLogs({ logGroup, streamPrefix });
}
