import { Image, Network, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { find, one, resources, synthEcs } from './support/ecs-kit';

const system = (build: (sys: System) => void): SystemSpec => {
  const sys = new System('shop');
  build(sys);
  return sys.toSpec();
};

/** The egress of a security group, inline and as separate rules: `tcp 443 0.0.0.0/0`, `-1 <group description>`. */
function egressOf(t: ReturnType<typeof synthEcs>['template'] & object, description: string): string[] {
  const groups = resources(t, 'AWS::EC2::SecurityGroup');
  const id = one(t, 'AWS::EC2::SecurityGroup', (p) => p.GroupDescription === description).id;
  const name = (ref: any) => (ref ? groups[ref['Fn::GetAtt'][0]].Properties.GroupDescription : undefined);
  const inline = (groups[id].Properties.SecurityGroupEgress ?? []).map((e: any) => `${e.IpProtocol} ${e.FromPort ?? ''} ${e.CidrIp}`.replace('  ', ' '));
  const separate = Object.values(resources(t, 'AWS::EC2::SecurityGroupEgress'))
    .filter((r) => r.Properties.GroupId['Fn::GetAtt'][0] === id)
    .map((r) => `${r.Properties.IpProtocol} ${r.Properties.FromPort ?? ''} ${name(r.Properties.DestinationSecurityGroupId)}`.replace('  ', ' '));
  return [...inline, ...separate].sort();
}

describe('ECS: egress of workloads on internal networks', () => {
  const spec = system((s) => {
    const backend = new Network(s, 'backend', { internal: true });
    const frontend = new Network(s, 'frontend');
    new Service(s, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], networks: [backend] });
    new Service(s, 'api', { image: Image.of('api:1'), ports: [Port.tcp(443).publish(443)], networks: [frontend, backend] });
  });
  const { template, diagnostics } = synthEcs(spec);
  const t = template!;

  test('GIVEN a service only on an internal network WHEN rendered THEN its group allows egress only to its network and HTTPS', () => {
    expect(egressOf(t, 'shop/db: the workload itself')).toEqual(['-1 shop/backend: internal network, members reach each other on their ports', 'tcp 443 0.0.0.0/0']);
  });

  test('GIVEN a service also on a non-internal network WHEN rendered THEN it keeps all egress, and network groups allow none of their own', () => {
    expect(egressOf(t, 'shop/api: the workload itself')).toEqual(['-1 0.0.0.0/0']);
    expect(egressOf(t, 'shop/frontend: members reach each other on their ports')).toEqual(['icmp 252 255.255.255.255/32']);
    expect(egressOf(t, 'shop/backend: internal network, members reach each other on their ports')).toEqual(['icmp 252 255.255.255.255/32']);
  });

  test('GIVEN a listener on 443 WHEN rendered THEN the info finding says what stays open to the internal workload and why', () => {
    expect(find(diagnostics, 'ecs/internal-network')).toMatchObject({
      severity: 'info',
      path: 'shop networks',
      message:
        "db only join internal networks: no public IP, private subnets, and egress only to their networks plus HTTPS (443) anywhere, which image pulls, logs and secrets need through the NAT gateway; the load balancer's listener on 443 (api tcp-443) stays reachable through it",
    });
  });
});
