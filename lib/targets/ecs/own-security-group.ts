import { Names, Resource, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';

/**
 * A workload's own security group: the `AWS::EC2::SecurityGroup` written with literal properties, under a construct
 * that other constructs see as an `ec2.ISecurityGroup` (load balancers and file systems admit it through its
 * `connections`). The rules added through it are separate `AWS::EC2::SecurityGroupIngress`/`Egress` resources,
 * placed and named as aws-cdk-lib places and names the rules of a group peer (`from <peer>:<port>` beside the group;
 * `<group>:<port> to` beside a group in another stack, for a rule that group makes on a remote rule's behalf); rules
 * to addresses, which aws-cdk-lib writes into the group, are the `egress` given here. Egress added to a group that
 * allows all egress is dropped, as aws-cdk-lib drops it.
 */

/** The egress rule of a group that allows all egress, as aws-cdk-lib writes it. */
const ALLOW_ALL_EGRESS: ec2.CfnSecurityGroup.EgressProperty = { cidrIp: '0.0.0.0/0', description: 'Allow all outbound traffic by default', ipProtocol: '-1' };

/** The mark by which aws-cdk-lib's groups recognise a security group peer (`SecurityGroup.isSecurityGroup`). */
const SECURITY_GROUP = Symbol.for('@aws-cdk/iam.SecurityGroup');

export interface OwnSecurityGroupProps {
  readonly vpc: ec2.IVpc;
  readonly description: string;
  /** The rules to addresses (one or more), when the group does not allow all egress. */
  readonly egress?: ec2.CfnSecurityGroup.EgressProperty[];
}

export class OwnSecurityGroup extends Resource implements ec2.ISecurityGroup {
  readonly securityGroupId: string;
  readonly allowAllOutbound: boolean;
  readonly canInlineRule = false;
  readonly connections: ec2.Connections;
  private indirectPeers = 0;

  constructor(scope: Construct, id: string, props: OwnSecurityGroupProps) {
    super(scope, id);
    Object.defineProperty(this, SECURITY_GROUP, { value: true });
    this.allowAllOutbound = props.egress === undefined;
    const resource = new ec2.CfnSecurityGroup(this, 'Resource', {
      groupDescription: props.description,
      securityGroupEgress: props.egress ?? [ALLOW_ALL_EGRESS],
      vpcId: props.vpc.vpcId,
    });
    this.securityGroupId = resource.attrGroupId;
    this.connections = new ec2.Connections({ securityGroups: [this] });
  }

  get securityGroupRef(): ec2.SecurityGroupReference {
    return { securityGroupId: this.securityGroupId };
  }

  get uniqueId(): string {
    return Names.nodeUniqueId(this.node);
  }

  toIngressRuleConfig(): { sourceSecurityGroupId: string } {
    return { sourceSecurityGroupId: this.securityGroupId };
  }

  toEgressRuleConfig(): { destinationSecurityGroupId: string } {
    return { destinationSecurityGroupId: this.securityGroupId };
  }

  addIngressRule(peer: ec2.IPeer, connection: ec2.Port, description = `from ${peer.uniqueId}:${connection}`, remoteRule?: boolean): void {
    const { scope, id } = this.ruleScope(peer, connection, 'from', remoteRule);
    if (scope.node.tryFindChild(id) !== undefined) return;
    new ec2.CfnSecurityGroupIngress(scope, id, { groupId: this.securityGroupId, ...peer.toIngressRuleConfig(), ...connection.toRuleJson(), description });
  }

  addEgressRule(peer: ec2.IPeer, connection: ec2.Port, description = `to ${peer.uniqueId}:${connection}`, remoteRule?: boolean): void {
    if (this.allowAllOutbound) return;
    const { scope, id } = this.ruleScope(peer, connection, 'to', remoteRule);
    if (scope.node.tryFindChild(id) !== undefined) return;
    new ec2.CfnSecurityGroupEgress(scope, id, { groupId: this.securityGroupId, ...peer.toEgressRuleConfig(), ...connection.toRuleJson(), description });
  }

  /** Where a rule goes and its id, as aws-cdk-lib decides for a rule that is not written into the group. */
  private ruleScope(peer: ec2.IPeer, connection: ec2.Port, fromTo: 'from' | 'to', remoteRule?: boolean): { scope: Construct; id: string } {
    if (remoteRule && SECURITY_GROUP in peer && Stack.of(peer as unknown as Construct) !== Stack.of(this)) {
      return { scope: peer as unknown as Construct, id: `${this.uniqueId}:${connection} ${fromTo === 'from' ? 'to' : 'from'}` };
    }
    return { scope: this, id: `${fromTo} ${this.renderPeer(peer)}:${connection}`.replace('/', '_') };
  }

  private renderPeer(peer: ec2.IPeer): string {
    if (!Token.isUnresolved(peer.uniqueId)) return peer.uniqueId;
    return this.indirectPeers++ ? `'{IndirectPeer${this.indirectPeers}}'` : '{IndirectPeer}';
  }
}
