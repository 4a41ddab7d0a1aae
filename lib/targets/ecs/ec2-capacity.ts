import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { awsvpcTaskCount, TASK_INTERFACES } from './ec2-networking';
import { daemonNeedOf, daemonsOf, gpuCapacityOf, gpuWorkloadsOf, INSTANCE_RESERVED_MIB } from './gpu-capacity';
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

/**
 * EC2 container instances: at least two ECS-optimized instances, of the smallest type that holds the largest task
 * beside one task of every daemon service (a global one runs on each instance), with a network interface for each
 * awsvpc daemon task and room for at least one more. Tasks that require GPUs run on GPU instances of their own
 * (gpu-capacity.ts), which the general ones are not sized for. Returns the instances' security group, shared by
 * both groups, through which tasks in bridge mode reach each other.
 */
export function buildCapacity(cluster: ecs.Cluster, spec: SystemSpec, d: EcsReporter): ec2.IConnectable {
  const gpuWorkloads = new Set(gpuWorkloadsOf(spec));
  const isDaemon = (w: WorkloadSpec) => w.kind === 'service' && w.global === true;
  const modeOf = (w: WorkloadSpec) => (gpuWorkloads.has(w) ? 'on GPU instances' : networkModeOf(spec, w));
  const daemons = daemonsOf(spec);
  const daemonNeed = daemonNeedOf(spec);
  const largest = workloadsOf(spec)
    .filter((w) => !isDaemon(w) && !gpuWorkloads.has(w))
    .map(workloadNeed)
    .reduce((a, b) => ({ cpu: Math.max(a.cpu, b.cpu), memory: Math.max(a.memory, b.memory) }), { cpu: 0, memory: 512 });
  const need = { cpu: daemonNeed.cpu + largest.cpu, memory: daemonNeed.memory + largest.memory };
  const daemonInterfaces = daemonNeed.interfaces;
  const otherTasks = awsvpcTaskCount(spec, modeOf) - daemonInterfaces;
  const type =
    INSTANCE_TYPES.find((t) => t.cpu >= need.cpu && t.memory - INSTANCE_RESERVED_MIB >= need.memory && TASK_INTERFACES[t.name] - daemonInterfaces >= (otherTasks > 0 ? 1 : 0)) ??
    INSTANCE_TYPES[INSTANCE_TYPES.length - 1];
  const free = Math.max(1, TASK_INTERFACES[type.name] - daemonInterfaces);
  const securityGroup = new ec2.SecurityGroup(cluster, 'InstanceSecurityGroup', {
    vpc: cluster.vpc,
    description: `${spec.name}: container instances; tasks on them reach each other`,
    allowAllOutbound: true,
  });
  const bridged = workloadsOf(spec).some((w) => networkModeOf(spec, w) === 'bridge');
  if (bridged) securityGroup.addIngressRule(securityGroup, ec2.Port.allTraffic(), 'tasks in bridge mode on the container instances reach each other');
  const instances = Math.max(2, Math.ceil(otherTasks / free));
  addInstances(cluster, '', type.name, ecs.EcsOptimizedImage.amazonLinux2023(), securityGroup, instances);
  const sizes =
    daemons.length === 0
      ? `the largest task needs ${need.cpu} CPU units and ${need.memory} MiB`
      : `a task of each of the ${daemons.length} daemon services and the largest other task need ${need.cpu} CPU units and ${need.memory} MiB`;
  const interfaces = daemonInterfaces === 0 ? '' : `, ${daemonInterfaces} of them for daemon tasks`;
  d.report('ecs/ec2-capacity', `${spec.name} targetOptions.ecs.launchType`, `the cluster gets ${instances} ${type.name} container instances (${sizes}; each instance gives ${TASK_INTERFACES[type.name]} awsvpc tasks a network interface${interfaces})`);
  buildGpuInstances(cluster, spec, securityGroup, d);
  return securityGroup;
}

/** The GPU container instances (gpu-capacity.ts), with the ECS GPU-optimized AMI (NVIDIA driver and container runtime). */
function buildGpuInstances(cluster: ecs.Cluster, spec: SystemSpec, securityGroup: ec2.SecurityGroup, d: EcsReporter): void {
  const gpu = gpuCapacityOf(spec);
  if (!gpu) return;
  addInstances(cluster, 'Gpu', gpu.type.name, ecs.EcsOptimizedImage.amazonLinux2023(ecs.AmiHardwareType.GPU), securityGroup, gpu.instances);
  const names = gpu.workloads.map((w) => w.name).join(', ');
  const { gpus, cpu, memory } = gpu.largest;
  d.report(
    'ecs/gpus-capacity',
    `${spec.name} targetOptions.ecs.launchType`,
    `the cluster gets ${count(gpu.instances, `${gpu.type.name} GPU container instance`)} (${count(gpu.type.gpus, 'GPU')}, ${gpu.type.cpu} CPU units and ${gpu.type.memory} MiB each, the ECS GPU-optimized AMI) for ${count(gpu.tasks, 'task')} of ${names} at once; the largest needs ${count(gpus, 'GPU')}, ${cpu > 0 ? `${cpu} CPU units` : 'no CPU units'} and ${memory} MiB`,
  );
}

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** A fixed-size Auto Scaling group of encrypted ECS-optimized instances, as a capacity provider of the cluster. */
function addInstances(cluster: ecs.Cluster, prefix: string, instanceType: string, machineImage: ec2.IMachineImage, securityGroup: ec2.SecurityGroup, instances: number): void {
  const autoScalingGroup = new autoscaling.AutoScalingGroup(cluster, `${prefix}Instances`, {
    vpc: cluster.vpc,
    vpcSubnets: PRIVATE_SUBNETS,
    instanceType: new ec2.InstanceType(instanceType),
    machineImage,
    blockDevices: [encryptedRootVolume()],
    securityGroup,
    minCapacity: instances,
    maxCapacity: instances,
  });
  cluster.addAsgCapacityProvider(
    new ecs.AsgCapacityProvider(cluster, `${prefix}Capacity`, {
      autoScalingGroup,
      enableManagedScaling: false,
      enableManagedTerminationProtection: false,
      enableManagedDraining: true,
    }),
  );
}
