import { Image, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { publishedPorts } from '../../lib/targets/ecs/ports';
import { importText } from '../import/support/import-kit';
import { cfnLintProblems } from './support/cfn-lint';
import { codes, containersOf, one, resources, synthEcs, withEcs } from './support/ecs-kit';

/** Tempo's distributed example: three services publish 3200 on a host port Docker picks, one on 3200 itself. */
const TEMPO = `services:
  query-frontend:
    image: grafana/tempo:2.6.0
    ports: ["3200:3200"]
  distributor:
    image: grafana/tempo:2.6.0
    ports: ["3200"]
  ingester-1:
    image: grafana/tempo:2.6.0
    ports: ["3200"]
  ingester-0:
    image: grafana/tempo:2.6.0
    ports: ["3200"]
`;

function tempo(): SystemSpec {
  const imported = importText(TEMPO);
  if (!imported.system) throw new Error(JSON.stringify(imported.diagnostics, null, 2));
  return imported.system.toSpec();
}

const listenerPorts = (spec: SystemSpec) => publishedPorts(spec).map((p) => `${p.service.name} ${p.port.containerPort} -> ${p.listenerPort}`);

describe('ECS: ports published on a dynamic host port share a load balancer', () => {
  test("GIVEN Tempo's Compose shape (3200 and three dynamic 3200s) WHEN imported and rendered THEN the fixed one keeps 3200, the dynamic ones get 3201-3203 by name, each named by 'ecs/dynamic-listener-port', and there is no conflict", () => {
    const spec = tempo();
    expect(spec.services.map((s) => `${s.name} ${s.main.ports.map((p) => p.publish)}`).sort()).toEqual(['distributor dynamic', 'ingester-0 dynamic', 'ingester-1 dynamic', 'query-frontend fixed']);
    expect(listenerPorts(spec).sort()).toEqual(['distributor 3200 -> 3201', 'ingester-0 3200 -> 3202', 'ingester-1 3200 -> 3203', 'query-frontend 3200 -> 3200']);
    const { template, diagnostics } = synthEcs(spec);
    expect(codes(diagnostics)).not.toContain('ecs/listener-port-conflict');
    const t = template!;
    const listeners = Object.values(resources(t, 'AWS::ElasticLoadBalancingV2::Listener')).map((r) => r.Properties.Port).sort();
    expect(listeners).toEqual([3200, 3201, 3202, 3203]);
    for (const r of Object.values(resources(t, 'AWS::ElasticLoadBalancingV2::TargetGroup'))) expect(r.Properties.Port).toBe(3200);
    const lbGroup = one(t, 'AWS::EC2::SecurityGroup', (p) => /network load balancer/.test(p.GroupDescription));
    expect(lbGroup.Properties.SecurityGroupIngress.map((i: Record<string, unknown>) => `${i.FromPort} ${i.Description}`).sort()).toEqual([
      '3200 query-frontend tcp-3200 published on 3200',
      '3201 distributor tcp-3200 published on 3201',
      '3202 ingester-0 tcp-3200 published on 3202',
      '3203 ingester-1 tcp-3200 published on 3203',
    ]);
    const moved = diagnostics.filter((d) => d.code === 'ecs/dynamic-listener-port');
    expect(moved.map((d) => d.path).sort()).toEqual(['inline/distributor ports[0]', 'inline/ingester-0 ports[0]', 'inline/ingester-1 ports[0]']);
    expect(moved.find((d) => d.path === 'inline/distributor ports[0]')).toMatchObject({
      severity: 'info',
      message: 'tcp port 3200, published on a dynamic host port, listens on port 3201: port 3200 of the network load balancer is taken by inline/query-frontend ports[0] (reach it at the NlbDnsName output, port 3201)',
      fix: 'Publish it on a fixed host port to choose the port yourself.',
    });
    expect(cfnLintProblems([{ path: 'tempo.template.json', content: JSON.stringify(t.toJSON()) }])).toEqual([]);
  });

  test('GIVEN the same shape on EC2 WHEN rendered THEN the listeners are the same and the tasks keep hostPort 0', () => {
    const spec = withEcs(tempo(), { launchType: 'ec2' });
    const { template, diagnostics } = synthEcs(spec);
    expect(Object.values(resources(template!, 'AWS::ElasticLoadBalancingV2::Listener')).map((r) => r.Properties.Port).sort()).toEqual([3200, 3201, 3202, 3203]);
    expect(codes(diagnostics).filter((c) => c === 'ecs/dynamic-listener-port')).toHaveLength(3);
    expect(codes(diagnostics)).not.toContain('ecs/dynamic-port-fargate');
    expect(containersOf(template!, 'inline-distributor')[0].PortMappings).toEqual([{ ContainerPort: 3200, HostPort: 0, Name: 'tcp-3200', Protocol: 'tcp' }]);
  });

  test('GIVEN a dynamic port whose next port is also fixed, and the same container port on another load balancer WHEN rendered THEN it skips to the next free port, and the other load balancer keeps the container port', () => {
    const sys = new System('shop');
    new Service(sys, 'a', { image: Image.of('a:1'), ports: [Port.tcp(80).publish(3200), Port.tcp(81).publish(3201)] });
    new Service(sys, 'b', { image: Image.of('b:1'), ports: [Port.tcp(3200).publish()] });
    new Service(sys, 'c', { image: Image.of('c:1'), ports: [Port.http(3200).publish()] });
    const spec = sys.toSpec();
    expect(listenerPorts(spec)).toEqual(['a 80 -> 3200', 'a 81 -> 3201', 'b 3200 -> 3202', 'c 3200 -> 3200']);
    const { diagnostics } = synthEcs(spec);
    expect(diagnostics.filter((d) => d.code === 'ecs/dynamic-listener-port').map((d) => d.path)).toEqual(['shop/b ports[0]']);
    expect(diagnostics.filter((d) => d.code === 'ecs/dynamic-port-fargate').map((d) => `${d.path}: ${d.message}`)).toEqual([
      'shop/c ports[0]: Fargate has no dynamic host ports: the load balancer listens on the container port 3200',
      'shop/b ports[0]: Fargate has no dynamic host ports: the load balancer listens on port 3202',
    ]);
  });

  test('GIVEN the same system twice, its services declared in another order WHEN the ports are chosen THEN each service gets the same listener port', () => {
    const build = (names: string[]) => {
      const sys = new System('shop');
      for (const n of names) new Service(sys, n, { image: Image.of('t:1'), ports: [Port.tcp(9000).publish()] });
      return sys.toSpec();
    };
    const byService = (spec: SystemSpec) => publishedPorts(spec).map((p) => `${p.service.name} ${p.listenerPort}`).sort();
    expect(byService(build(['x', 'y', 'z']))).toEqual(['x 9000', 'y 9001', 'z 9002']);
    expect(byService(build(['z', 'x', 'y']))).toEqual(['x 9000', 'y 9001', 'z 9002']);
  });
});
