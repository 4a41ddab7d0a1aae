import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { isInternalOnly, needsPrivateSubnets, needsPublicSubnets } from './subnets';

export const PUBLIC_SUBNETS: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PUBLIC };
export const PRIVATE_SUBNETS: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };

/** An existing VPC must have the subnets the system needs, one per availability zone. */
export function checkVpc(spec: SystemSpec, d: EcsReporter): void {
  const vpc = spec.options.ecs.vpc;
  if (!vpc) return;
  if (needsPublicSubnets(spec) && vpc.publicSubnetIds.length === 0) {
    d.report('ecs/vpc-subnets', `${spec.name} targetOptions.ecs.vpc`, 'the VPC has no public subnets, which load balancers and tasks with a public IP need', 'Add publicSubnetIds.');
  }
  if (needsPrivateSubnets(spec) && vpc.privateSubnetIds.length === 0) {
    d.report('ecs/vpc-subnets', `${spec.name} targetOptions.ecs.vpc`, 'the VPC has no private subnets, which tasks only on internal networks and EC2 container instances need', 'Add privateSubnetIds.');
  }
  for (const [key, ids] of [['publicSubnetIds', vpc.publicSubnetIds], ['privateSubnetIds', vpc.privateSubnetIds]] as const) {
    if (ids.length > 0 && ids.length % vpc.availabilityZones.length !== 0) {
      d.report('ecs/vpc-subnets', `${spec.name} targetOptions.ecs.vpc`, `${key} has ${ids.length} subnets for ${vpc.availabilityZones.length} availability zones`, 'Give one subnet per availability zone, in the order of availabilityZones.');
    }
  }
}

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

/** Where infrastructure that every task reaches (EFS mount targets) goes: private subnets when there are any. */
export function sharedSubnets(spec: SystemSpec): ec2.SubnetSelection {
  const vpc = spec.options.ecs.vpc;
  if (vpc) return vpc.privateSubnetIds.length > 0 ? PRIVATE_SUBNETS : PUBLIC_SUBNETS;
  return needsPrivateSubnets(spec) ? PRIVATE_SUBNETS : PUBLIC_SUBNETS;
}

/**
 * Where an awsvpc task runs: private subnets without a public IP when it is only on internal networks, or on EC2
 * (whose task interfaces take no public IP).
 */
/** The subnets each VPC selects, by selection: selected once, as every task of the system uses one of two. */
const selected = new WeakMap<ec2.IVpc, Map<ec2.SubnetSelection, string[]>>();

/** The ids of a VPC's subnets that `selection` selects (`vpc.selectSubnets`). */
export function subnetIdsOf(vpc: ec2.IVpc, selection: ec2.SubnetSelection): string[] {
  let byVpc = selected.get(vpc);
  if (!byVpc) {
    byVpc = new Map();
    selected.set(vpc, byVpc);
  }
  let ids = byVpc.get(selection);
  if (!ids) {
    ids = vpc.selectSubnets(selection).subnetIds;
    byVpc.set(selection, ids);
  }
  return ids;
}

export function placementOf(spec: SystemSpec, w: WorkloadSpec): { readonly subnets: ec2.SubnetSelection; readonly publicIp: boolean } {
  if (spec.options.ecs.launchType === 'ec2') return { subnets: PRIVATE_SUBNETS, publicIp: false };
  const internal = isInternalOnly(spec, w);
  return { subnets: internal ? PRIVATE_SUBNETS : PUBLIC_SUBNETS, publicIp: !internal };
}
