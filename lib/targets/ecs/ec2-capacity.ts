import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { awsvpcTaskCount, TASK_INTERFACES } from './ec2-networking';
import { networkModeOf } from './networks';
import { workloadNeed } from './task-size';
import { encryptedRootVolume } from './posture';
import { PRIVATE_SUBNETS } from './vpc';
import { workloadsOf } from './workloads';

/** The EC2 launch type's container instances: an Auto Scaling group as the cluster's capacity provider. */

const INSTANCE_TYPES: readonly { name: string; cpu: number; memory: number }[] = [
  { name: 't3.small', cpu: 2048, memory: 2048 },
  { name: 't3.medium', cpu: 2048, memory: 4096 },
  { name: 't3.large', cpu: 2048, memory: 8192 },
  { name: 't3.xlarge', cpu: 4096, memory: 16384 },
  { name: 't3.2xlarge', cpu: 8192, memory: 32768 },
  { name: 'm5.4xlarge', cpu: 16384, memory: 65536 },
  { name: 'm5.8xlarge', cpu: 32768, memory: 131072 },
];
/** Memory the ECS agent and the OS keep for themselves on a container instance (MiB). */
const INSTANCE_RESERVED_MIB = 512;

/**
 * EC2 container instances: at least two ECS-optimized instances, of the smallest type that holds the largest task. Returns
 * their security group, through which tasks in bridge mode reach each other.
 */
export function buildCapacity(cluster: ecs.Cluster, spec: SystemSpec, d: EcsReporter): ec2.IConnectable {
  const largest = workloadsOf(spec)
    .map(workloadNeed)
    .reduce((a, b) => ({ cpu: Math.max(a.cpu, b.cpu), memory: Math.max(a.memory, b.memory) }), { cpu: 0, memory: 512 });
  const type =
    INSTANCE_TYPES.find((t) => t.cpu >= largest.cpu && t.memory - INSTANCE_RESERVED_MIB >= largest.memory) ??
    INSTANCE_TYPES[INSTANCE_TYPES.length - 1];
  const securityGroup = new ec2.SecurityGroup(cluster, 'InstanceSecurityGroup', {
    vpc: cluster.vpc,
    description: `${spec.name}: container instances; tasks on them reach each other`,
    allowAllOutbound: true,
  });
  const bridged = workloadsOf(spec).some((w) => networkModeOf(spec, w) === 'bridge');
  if (bridged) securityGroup.addIngressRule(securityGroup, ec2.Port.allTraffic(), 'tasks in bridge mode on the container instances reach each other');
  const instances = Math.max(2, Math.ceil(awsvpcTaskCount(spec, (w) => networkModeOf(spec, w)) / TASK_INTERFACES[type.name]));
  const autoScalingGroup = new autoscaling.AutoScalingGroup(cluster, 'Instances', {
    vpc: cluster.vpc,
    vpcSubnets: PRIVATE_SUBNETS,
    instanceType: new ec2.InstanceType(type.name),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
    blockDevices: [encryptedRootVolume()],
    securityGroup,
    minCapacity: instances,
    maxCapacity: instances,
  });
  cluster.addAsgCapacityProvider(
    new ecs.AsgCapacityProvider(cluster, 'Capacity', {
      autoScalingGroup,
      enableManagedScaling: false,
      enableManagedTerminationProtection: false,
      enableManagedDraining: true,
    }),
  );
  d.report('ecs/ec2-capacity', `${spec.name} targetOptions.ecs.launchType`, `the cluster gets ${instances} ${type.name} container instances (the largest task needs ${largest.cpu} CPU units and ${largest.memory} MiB; each instance gives ${TASK_INTERFACES[type.name]} awsvpc tasks a network interface)`);
  return securityGroup;
}
