import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { SystemSpec } from '../../model/spec';
import type { EcsDiagnostics } from './diagnostics';
import { workloadsOf } from './mounts';
import { isInternalOnly, needsPrivateSubnets, servesByName } from './plan';
import { workloadNeed } from './task-size';

export const PUBLIC_SUBNETS: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PUBLIC };
export const PRIVATE_SUBNETS: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };

/** A new VPC across two availability zones, or the existing one the options name (no lookup). */
export function buildVpc(stack: Stack, spec: SystemSpec): ec2.IVpc {
  const existing = spec.options.ecs.vpc;
  if (existing) {
    return ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: existing.vpcId,
      availabilityZones: [...existing.availabilityZones],
      publicSubnetIds: existing.publicSubnetIds.length > 0 ? [...existing.publicSubnetIds] : undefined,
      privateSubnetIds: existing.privateSubnetIds.length > 0 ? [...existing.privateSubnetIds] : undefined,
    });
  }
  const withPrivate = needsPrivateSubnets(spec);
  return new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: withPrivate ? 1 : 0,
    subnetConfiguration: [
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      ...(withPrivate ? [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 }] : []),
    ],
  });
}

/** Where subnets for infrastructure that every task reaches (EFS mount targets) go. */
export function sharedSubnets(spec: SystemSpec): ec2.SubnetSelection {
  const vpc = spec.options.ecs.vpc;
  if (vpc) return vpc.privateSubnetIds.length > 0 ? PRIVATE_SUBNETS : PUBLIC_SUBNETS;
  return needsPrivateSubnets(spec) ? PRIVATE_SUBNETS : PUBLIC_SUBNETS;
}

/** The Cloud Map namespace that Service Connect uses, when some service can be reached by name. */
export function buildNamespace(cluster: ecs.Cluster, spec: SystemSpec): servicediscovery.INamespace | undefined {
  if (!servesByName(spec)) return undefined;
  return cluster.addDefaultCloudMapNamespace({
    name: spec.name,
    type: servicediscovery.NamespaceType.HTTP,
    useForServiceConnect: true,
  });
}

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

/** EC2 container instances: two ECS-optimized instances, of the smallest type that holds the largest task. */
export function buildCapacity(cluster: ecs.Cluster, spec: SystemSpec, d: EcsDiagnostics): ec2.IConnectable {
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
  securityGroup.addIngressRule(securityGroup, ec2.Port.allTraffic(), 'tasks on the container instances reach each other');
  const autoScalingGroup = new autoscaling.AutoScalingGroup(cluster, 'Instances', {
    vpc: cluster.vpc,
    vpcSubnets: PRIVATE_SUBNETS,
    instanceType: new ec2.InstanceType(type.name),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
    securityGroup,
    minCapacity: 2,
    maxCapacity: 2,
  });
  cluster.addAsgCapacityProvider(
    new ecs.AsgCapacityProvider(cluster, 'Capacity', {
      autoScalingGroup,
      enableManagedScaling: false,
      enableManagedTerminationProtection: false,
      enableManagedDraining: true,
    }),
  );
  d.add('ecs/ec2-capacity', `${spec.name} targetOptions.ecs.launchType`, `the cluster gets 2 ${type.name} container instances (the largest task needs ${largest.cpu} CPU units and ${largest.memory} MiB)`);
  return securityGroup;
}

const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** One log group per system, with the retention the options ask for (rounded up to one CloudWatch offers). */
export function buildLogGroup(stack: Stack, spec: SystemSpec, d: EcsDiagnostics): logs.ILogGroup {
  const asked = spec.options.ecs.logRetentionDays;
  const days = RETENTION_DAYS.find((r) => r >= asked);
  if (days !== asked) {
    d.add('ecs/log-retention', `${spec.name} targetOptions.ecs.logRetentionDays`, `CloudWatch Logs has no ${asked}-day retention: logs are kept ${days === undefined ? 'forever' : `${days} days`}`);
  }
  return new logs.LogGroup(stack, 'Logs', {
    retention: days === undefined ? logs.RetentionDays.INFINITE : (days as logs.RetentionDays),
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/** Secrets Manager secrets: an existing one by name, or a new one with a generated value. */
export function buildSecrets(stack: Stack, spec: SystemSpec): Map<string, secretsmanager.ISecret> {
  const out = new Map<string, secretsmanager.ISecret>();
  for (const s of spec.secrets) {
    const id = `Secret-${s.name}`;
    out.set(
      s.name,
      s.existingName !== undefined
        ? secretsmanager.Secret.fromSecretNameV2(stack, id, s.existingName)
        : new secretsmanager.Secret(stack, id, {
            description: `${s.path}: generated by the stack; set the real value with aws secretsmanager put-secret-value`,
            generateSecretString: { excludePunctuation: true, passwordLength: 32 },
          }),
    );
  }
  return out;
}

/**
 * One security group per network, with ingress from itself on the ports of its members, and one per workload
 * (the identity that load balancers and file systems admit).
 */
export function buildNetworkGroups(stack: Stack, vpc: ec2.IVpc, spec: SystemSpec, d: EcsDiagnostics): Map<string, ec2.SecurityGroup> {
  const out = new Map<string, ec2.SecurityGroup>();
  const workloads = workloadsOf(spec);
  for (const n of spec.networks) {
    const sg = new ec2.SecurityGroup(stack, `Network-${n.name}`, {
      vpc,
      description: `${n.path}: members reach each other on their ports`,
      allowAllOutbound: true,
    });
    const rules = new Map<string, ec2.Port>();
    for (const member of n.members) {
      const w = workloads.find((x) => x.name === member);
      for (const p of w?.main.ports ?? []) {
        rules.set(`${p.protocol}/${String(p.containerPort).padStart(5, '0')}`, p.protocol === 'udp' ? ec2.Port.udp(p.containerPort) : ec2.Port.tcp(p.containerPort));
      }
    }
    for (const key of [...rules.keys()].sort()) sg.addIngressRule(sg, rules.get(key)!, `${n.name} members on ${key.replace(/\/0*/, ' ')}`);
    out.set(n.name, sg);
  }
  const internal = workloads.filter((w) => isInternalOnly(spec, w)).map((w) => w.name);
  if (internal.length > 0) {
    d.add('ecs/internal-network', `${spec.name} networks`, `${internal.join(', ')} only join internal networks: no public IP, private subnets, egress only through the NAT gateway`);
  }
  return out;
}

export interface VolumeResources {
  readonly fileSystem: efs.FileSystem;
  readonly accessPoint: efs.AccessPoint;
}

/** One encrypted, retained EFS file system per persistent volume, with an access point for its root. */
export function buildVolumes(stack: Stack, vpc: ec2.IVpc, spec: SystemSpec, d: EcsDiagnostics): Map<string, VolumeResources> {
  const out = new Map<string, VolumeResources>();
  for (const v of spec.volumes) {
    const fileSystem = new efs.FileSystem(stack, `Volume-${v.name}`, {
      vpc,
      vpcSubnets: sharedSubnets(spec),
      encrypted: true,
      removalPolicy: RemovalPolicy.RETAIN,
      performanceMode: efs.PerformanceMode.GENERAL_PURPOSE,
      throughputMode: efs.ThroughputMode.ELASTIC,
    });
    const accessPoint = fileSystem.addAccessPoint('AccessPoint', {
      path: `/${v.name}`,
      createAcl: { ownerUid: '0', ownerGid: '0', permissions: '755' },
    });
    const extra = v.storageClass !== undefined ? ` and storage class ${JSON.stringify(v.storageClass)}` : '';
    d.add('ecs/volume-size', `${v.path} size`, `EFS grows with its content: the requested ${v.sizeBytes} bytes${extra} are not used`);
    out.set(v.name, { fileSystem, accessPoint });
  }
  return out;
}

export function seconds(n: number): Duration {
  return Duration.seconds(n);
}
