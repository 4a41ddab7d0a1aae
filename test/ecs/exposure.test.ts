import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCompose } from '../../lib/import/compose';
import { Image, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { renderEcs } from '../../lib/targets/ecs/target';
import { find, resources, synthEcs, templateOf } from './support/ecs-kit';
import { cfnLint, findingLines } from './support/cfn-lint';

const system = (build: (sys: System) => void): SystemSpec => {
  const sys = new System('shop');
  build(sys);
  return sys.toSpec();
};

const ingressOf = (t: ReturnType<typeof templateOf>, description: RegExp) =>
  Object.values(resources(t, 'AWS::EC2::SecurityGroup'))
    .filter((r) => description.test(r.Properties.GroupDescription))
    .flatMap((r) => r.Properties.SecurityGroupIngress ?? [])
    .map((i: Record<string, unknown>) => `${i.IpProtocol} ${i.FromPort} ${i.CidrIp}`)
    .sort();

describe('ECS: who may reach a published port', () => {
  test('GIVEN a port published on the loopback WHEN rendered THEN no load balancer publishes it, a warning says why, and it stays reachable by name', () => {
    const spec = system((s) => new Service(s, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1' })] }));
    const { template, diagnostics } = synthEcs(spec);
    template!.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
    template!.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 0);
    expect(find(diagnostics, 'ecs/loopback-port')).toMatchObject({
      severity: 'warning',
      path: 'shop/db ports[0]',
      message: "bound to the host's loopback (got 127.0.0.1): ECS tasks have no shared host, so tcp port 5432 is not published on a load balancer and stays reachable by name only",
    });
    const service = Object.values(resources(template!, 'AWS::ECS::Service'))[0];
    expect(service.Properties.ServiceConnectConfiguration.Services[0].ClientAliases).toEqual([{ DnsName: 'db', Port: 5432 }]);
  });

  test('GIVEN a port published to public and private sources WHEN rendered THEN the load balancer admits exactly those CIDRs and is internet-facing', () => {
    const spec = system((s) => new Service(s, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432).publish(5432, { from: ['203.0.113.0/24', '10.0.0.0/8'] })] }));
    const t = templateOf(spec);
    expect(ingressOf(t, /network load balancer/)).toEqual(['tcp 5432 10.0.0.0/8', 'tcp 5432 203.0.113.0/24']);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
  });

  test('GIVEN a port published only to private sources WHEN rendered THEN the load balancer is internal, in private subnets', () => {
    const spec = system((s) => new Service(s, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432).publish(5432, { from: ['10.0.0.0/8', '192.168.0.0/16'] })] }));
    const t = templateOf(spec);
    expect(ingressOf(t, /network load balancer/)).toEqual(['tcp 5432 10.0.0.0/8', 'tcp 5432 192.168.0.0/16']);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal' });
    const lb = Object.values(resources(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer'))[0];
    const subnets = resources(t, 'AWS::EC2::Subnet');
    for (const ref of lb.Properties.Subnets) expect(subnets[ref.Ref].Properties.MapPublicIpOnLaunch).toBe(false);
  });

  test('GIVEN a port published without sources WHEN rendered THEN the load balancer admits anyone', () => {
    const t = templateOf(system((s) => new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)] })));
    expect(ingressOf(t, /network load balancer/)).toEqual(['tcp 8080 0.0.0.0/0']);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
  });
});

describe('ECS: the same port on tcp and udp', () => {
  test('GIVEN 53 published on tcp and udp WHEN rendered THEN one TCP_UDP listener and target group serve both, with no conflict', () => {
    const spec = system((s) => new Service(s, 'dns', { image: Image.of('coredns/coredns:1.11.1'), ports: [Port.udp(53).publish(53), Port.tcp(53).publish(53)] }));
    const { template, diagnostics } = synthEcs(spec);
    expect(diagnostics.map((d) => d.code)).not.toContain('ecs/listener-port-conflict');
    const listeners = Object.values(resources(template!, 'AWS::ElasticLoadBalancingV2::Listener'));
    expect(listeners.map((l) => [l.Properties.Port, l.Properties.Protocol])).toEqual([[53, 'TCP_UDP']]);
    const groups = Object.values(resources(template!, 'AWS::ElasticLoadBalancingV2::TargetGroup'));
    expect(groups.map((g) => [g.Properties.Port, g.Properties.Protocol, g.Properties.HealthCheckProtocol])).toEqual([[53, 'TCP_UDP', 'TCP']]);
    expect(ingressOf(template!, /network load balancer/)).toEqual(['tcp 53 0.0.0.0/0', 'udp 53 0.0.0.0/0']);
  });

  test('GIVEN a Compose file with 53:53/udp and 53:53/tcp WHEN rendered on ECS THEN one TCP_UDP listener, and cfn-lint finds nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-tcp-udp-'));
    try {
      const content = 'services:\n  dns:\n    image: coredns/coredns:1.11.1\n    restart: always\n    ports:\n      - "53:53/udp"\n      - "53:53/tcp"\n';
      fs.writeFileSync(path.join(dir, 'compose.yaml'), content);
      const imported = loadCompose({ file: path.join(dir, 'compose.yaml'), projectRoot: dir, env: {}, name: 'dns' });
      expect(imported.system).toBeDefined();
      const result = renderEcs(imported.system!.toSpec(), { projectRoot: dir, projectRootFromTargetDir: '../..' });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const templateFiles = result.files.filter((f) => f.path.endsWith('.template.json'));
      const templates = templateFiles.map((f) => f.content);
      const listeners = templates.flatMap((c) => Object.values(JSON.parse(c).Resources as Record<string, any>).filter((r) => r.Type === 'AWS::ElasticLoadBalancingV2::Listener'));
      expect(listeners.map((l) => [l.Properties.Port, l.Properties.Protocol])).toEqual([[53, 'TCP_UDP']]);
      expect(findingLines(cfnLint(templateFiles).findings)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
