import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Image, Network, Port, Service, System } from '../../lib/model';
import { createEcsApp } from '../../lib/targets/ecs/assembly';
import { addSystemStacks } from '../../lib/targets/ecs';
import { OwnSecurityGroup } from '../../lib/targets/ecs/own-security-group';
import { PROJECT_ROOT } from './support/ecs-kit';

/** The construct tree of a system: a published service that may reach out and one only on an internal network. */
function built(): Stack {
  const sys = new System('shop');
  const backend = new Network(sys, 'backend', { internal: true });
  const frontend = new Network(sys, 'frontend');
  new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], networks: [backend] });
  new Service(sys, 'api', { image: Image.of('api:1'), ports: [Port.tcp(8080).publish(80)], networks: [frontend, backend] });
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-own-sg-'));
  try {
    const { stacks } = addSystemStacks(createEcsApp({ outdir, referenceAssets: true }), sys.toSpec(), { projectRoot: PROJECT_ROOT });
    return stacks!.main;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe("ECS: a workload's own security group", () => {
  const stack = built();
  const group = (workload: string) => stack.node.findChild(workload).node.findChild('SecurityGroup');

  test('GIVEN a service WHEN built THEN its group is an L1 with literal egress, not an aws-cdk-lib SecurityGroup with lazy rule lists', () => {
    const own = group('api');
    expect(own).not.toBeInstanceOf(ec2.SecurityGroup);
    const resource = own.node.findChild('Resource') as ec2.CfnSecurityGroup;
    expect(resource).toBeInstanceOf(ec2.CfnSecurityGroup);
    expect(Token.isUnresolved(resource.securityGroupEgress)).toBe(false);
    expect(resource.securityGroupEgress).toEqual([{ cidrIp: '0.0.0.0/0', description: 'Allow all outbound traffic by default', ipProtocol: '-1' }]);
    expect(resource.securityGroupIngress).toBeUndefined();
    expect((own as ec2.ISecurityGroup).securityGroupId).toBe(resource.attrGroupId);
  });

  test('GIVEN a published service WHEN built THEN the load balancer is admitted by a rule resource beside its group, at the id aws-cdk-lib gives it', () => {
    const children = group('api').node.children;
    expect(children.map((c) => c.node.id)).toEqual(['Resource', expect.stringMatching(/^from ShopNlbSecurityGroup[0-9A-F]{8}:8080$/)]);
    expect(children[1]).toBeInstanceOf(ec2.CfnSecurityGroupIngress);
  });

  test('GIVEN a service only on an internal network WHEN built THEN HTTPS is written into its group and its network is a separate egress rule', () => {
    const own = group('db');
    const resource = own.node.findChild('Resource') as ec2.CfnSecurityGroup;
    expect(resource.securityGroupEgress).toEqual([{ cidrIp: '0.0.0.0/0', ipProtocol: 'tcp', fromPort: 443, toPort: 443, description: 'db: HTTPS for image pulls, logs and secrets' }]);
    const egress = own.node.children.filter((c): c is ec2.CfnSecurityGroupEgress => c instanceof ec2.CfnSecurityGroupEgress);
    expect(egress.map((e) => e.node.id)).toEqual([expect.stringMatching(/^to ShopNetworkbackend[0-9A-F]{8}:ALL TRAFFIC$/)]);
  });
});

/**
 * The rules a workload's group takes part in (a load balancer's, a file system's, a network's), in one stack and
 * across stacks, made on aws-cdk-lib's SecurityGroup or on OwnSecurityGroup: the templates of the stacks.
 */
function rules(kind: 'aws-cdk-lib' | 'own'): unknown[] {
  const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:disable-creation-stack-traces': true } });
  const shared = new Stack(app, 'Shared');
  const other = new Stack(app, 'Other');
  const third = new Stack(app, 'Third');
  const vpc = ec2.Vpc.fromVpcAttributes(shared, 'Vpc', { vpcId: 'vpc-1', availabilityZones: ['a'] });
  const lb = new ec2.SecurityGroup(shared, 'Lb', { vpc, allowAllOutbound: false });
  const fileSystem = new ec2.SecurityGroup(shared, 'FileSystem', { vpc });
  const network = new ec2.SecurityGroup(shared, 'Network', { vpc, allowAllOutbound: false });
  const database = new ec2.SecurityGroup(third, 'Database', { vpc });
  const https: ec2.CfnSecurityGroup.EgressProperty = { cidrIp: '0.0.0.0/0', ipProtocol: 'tcp', fromPort: 443, toPort: 443, description: 'https' };
  for (const [stack, allEgress] of [[shared, true], [shared, false], [other, true], [other, false]] as const) {
    const name = `w${stack.node.id}${allEgress ? 'Out' : 'In'}`;
    let own: ec2.ISecurityGroup;
    if (kind === 'own') {
      own = new OwnSecurityGroup(stack, name, { vpc, description: name, egress: allEgress ? undefined : [https] });
    } else {
      own = new ec2.SecurityGroup(stack, name, { vpc, description: name, allowAllOutbound: allEgress });
      if (!allEgress) own.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'https');
    }
    own.addEgressRule(network, ec2.Port.allTraffic(), 'network');
    if (stack === shared) {
      lb.connections.allowTo(own, ec2.Port.tcp(8080), 'lb');
      fileSystem.connections.allowFrom(own, ec2.Port.tcp(2049), 'fs');
    } else {
      own.addIngressRule(lb, ec2.Port.tcp(8080), 'lb');
      lb.addEgressRule(own, ec2.Port.tcp(8080), 'lb', true);
      fileSystem.addIngressRule(own, ec2.Port.tcp(2049), 'fs', true);
      own.addEgressRule(fileSystem, ec2.Port.tcp(2049), 'fs');
      own.addEgressRule(database, ec2.Port.tcp(5432), 'db', true);
    }
  }
  return [shared, other, third].map((stack) => Template.fromStack(stack).toJSON());
}

describe('ECS: OwnSecurityGroup places rules as aws-cdk-lib does', () => {
  test('GIVEN the rules of a load balancer, a file system and a network WHEN made in one stack and across stacks THEN the templates are those of aws-cdk-lib SecurityGroups', () => {
    const mine = rules('own');
    const ids = mine.map((t) => Object.keys((t as { Resources: object }).Resources));
    // the remote rules of the other stack's groups: beside them, or beside the peer in a third stack
    expect(ids[1]).toEqual(expect.arrayContaining([expect.stringMatching(/^wOtherInSharedLb[0-9A-F]{8}8080from/), expect.stringMatching(/^wOtherInSharedFileSystem[0-9A-F]{8}2049to/)]));
    expect(ids[2]).toEqual(expect.arrayContaining([expect.stringMatching(/^DatabaseOtherwOtherIn[0-9A-F]{8}5432from/)]));
    expect(mine).toEqual(rules('aws-cdk-lib'));
  });
});
