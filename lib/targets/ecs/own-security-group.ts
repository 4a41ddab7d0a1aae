import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';

/**
 * A workload's own security group: the `AWS::EC2::SecurityGroup` written with literal properties, under a construct
 * that other constructs see as an `ec2.ISecurityGroup` (load balancers and file systems admit it through its
 * `connections`). The rules added through it are separate `AWS::EC2::SecurityGroupIngress`/`Egress` resources at the
 * ids aws-cdk-lib's `ec2.SecurityGroup` gives the rules of a group peer (`from <peer>:<port>`, `to <peer>:<port>`);
 * rules to addresses, which aws-cdk-lib writes into the group, are the `egress` given here. Egress added to a group
 * that allows all egress is dropped, as aws-cdk-lib drops it.
 */

/** The egress rule of a group that allows all egress, as aws-cdk-lib writes it. */
const ALLOW_ALL_EGRESS: ec2.CfnSecurityGroup.EgressProperty = { cidrIp: '0.0.0.0/0', description: 'Allow all outbound traffic by default', ipProtocol: '-1' };

export interface OwnSecurityGroupProps {
  readonly vpc: ec2.IVpc;
  readonly description: string;
  /** The rules to addresses (one or more), when the group does not allow all egress. */
  readonly egress?: ec2.CfnSecurityGroup.EgressProperty[];
}

export function ownSecurityGroup(scope: Construct, id: string, props: OwnSecurityGroupProps): ec2.ISecurityGroup {
  const group = ec2.SecurityGroup.fromSecurityGroupId(scope, id, '', { allowAllOutbound: props.egress === undefined, mutable: true });
  const resource = new ec2.CfnSecurityGroup(group, 'Resource', {
    groupDescription: props.description,
    securityGroupEgress: props.egress ?? [ALLOW_ALL_EGRESS],
    vpcId: props.vpc.vpcId,
  });
  // the id is the resource's, which exists only once the construct it lives under does
  (group as { securityGroupId: string }).securityGroupId = resource.attrGroupId;
  return group;
}
