import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { SystemSpec } from '../../model/spec';
import { acknowledge } from './acknowledgements';

/**
 * The account-level posture of a system's stack, as `targetOptions.ecs` asks: CloudWatch Container Insights on the
 * cluster and VPC flow logs, each a switch (off by default: both are billed by CloudWatch). A switch left off is
 * acknowledged on the resource, with the option that turns it on, so that a reviewer reading the template or a
 * cdk-nag report sees a decision rather than an oversight.
 */
export function buildPosture(stack: Stack, vpc: ec2.IVpc, cluster: ecs.Cluster, spec: SystemSpec): void {
  const options = spec.options.ecs;
  const cfnCluster = cluster.node.defaultChild as ecs.CfnCluster;
  if (options.containerInsights) cfnCluster.clusterSettings = [{ name: 'containerInsights', value: 'enabled' }];
  else {
    acknowledge(
      cluster,
      'AwsSolutions-ECS4',
      'Container Insights is off (targetOptions.ecs.containerInsights, default false): it is billed as CloudWatch custom metrics per task. The awslogs driver still sends every container log to CloudWatch Logs.',
    );
  }
  if (options.vpcFlowLogs) {
    const group = new logs.LogGroup(stack, 'FlowLogs', { retention: options.logRetentionDays as logs.RetentionDays, removalPolicy: RemovalPolicy.RETAIN });
    new ec2.FlowLog(stack, 'FlowLog', {
      resourceType: ec2.FlowLogResourceType.fromVpc(vpc),
      destination: ec2.FlowLogDestination.toCloudWatchLogs(group),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
  } else if (vpc instanceof ec2.Vpc) {
    acknowledge(
      vpc,
      'AwsSolutions-VPC7',
      'VPC flow logs are off (targetOptions.ecs.vpcFlowLogs, default false): they are billed as CloudWatch vended-log ingestion in proportion to the traffic. Security groups per network still bound who may connect.',
    );
  }
}

/** The root volume of the EC2 container instances, encrypted (the ECS-optimized AMI's root device, 30 GiB). */
export function encryptedRootVolume(): autoscaling.BlockDevice {
  return { deviceName: '/dev/xvda', volume: autoscaling.BlockDeviceVolume.ebs(30, { encrypted: true, volumeType: autoscaling.EbsDeviceVolumeType.GP3 }) };
}
