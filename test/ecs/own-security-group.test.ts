import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Image, Network, Port, Service, System } from '../../lib/model';
import { createEcsApp } from '../../lib/targets/ecs/assembly';
import { addSystemStacks } from '../../lib/targets/ecs';
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
