import { Image, Job, Placement, Port, Service, System, type ServiceProps } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { codes, find, serviceOf, synthEcs, taskDefinitionOf, templateOf, withEcs } from './support/ecs-kit';
import { cfnLintProblems } from './support/cfn-lint';

function shop(props: Partial<ServiceProps>): SystemSpec {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], replicas: 3, ...props });
  return sys.toSpec();
}

const ec2 = (spec: SystemSpec) => withEcs(spec, { launchType: 'ec2' });

describe('placement on ECS: constraints and strategies on EC2, the runtime platform on Fargate', () => {
  test('GIVEN node labels, os, arch, spread and one task per instance on EC2 WHEN synthesized THEN the task definition has memberOf constraints, the service spreads and keeps tasks on distinct instances, and cfn-lint is clean', () => {
    const spec = ec2(
      shop({
        placement: {
          constraints: [Placement.nodeLabel('zone', 'eu-1'), Placement.nodeLabel('disk', 'hdd').not(), Placement.os('linux'), Placement.arch('amd64'), Placement.role('worker')],
          spread: ['zone'],
          maxReplicasPerNode: 1,
        },
      }),
    );
    const { template, diagnostics } = synthEcs(spec);
    expect(taskDefinitionOf(template!, 'shop-web').PlacementConstraints).toEqual([
      { Type: 'memberOf', Expression: 'attribute:zone == eu-1' },
      { Type: 'memberOf', Expression: 'attribute:disk != hdd' },
      { Type: 'memberOf', Expression: 'attribute:ecs.os-type == linux' },
      { Type: 'memberOf', Expression: 'attribute:ecs.cpu-architecture == x86_64' },
    ]);
    const service = serviceOf(template!, 'web').Properties;
    expect([service.PlacementStrategies, service.PlacementConstraints]).toEqual([[{ Type: 'spread', Field: 'attribute:zone' }], [{ Type: 'distinctInstance' }]]);
    const d = find(diagnostics, 'ecs/placement-attribute');
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/web placement.constraints[0]',
      'a task of web is placed only on a container instance with the custom attribute zone=eu-1: the instances lading adds carry none, so no task is placed until some do',
      'Add "zone":"eu-1" to ECS_INSTANCE_ATTRIBUTES in /etc/ecs/ecs.config of those instances, or run `aws ecs put-attributes --attributes name=zone,value=eu-1,targetType=container-instance,targetId=<instance ARN>`.',
    ]);
    expect(codes(diagnostics).filter((c) => c === 'ecs/placement')).toEqual([]);
    expect(cfnLintProblems([{ path: 'shop.template.json', content: JSON.stringify(template!.toJSON()) }])).toEqual([]);
  });

  test.each<[string, Placement, string]>([
    ['a host name', Placement.hostname('node-7'), 'a container instance has no host name attribute: node.hostname == node-7 is left out, and web runs on any container instance'],
    ['the manager role', Placement.role('manager'), 'an ECS cluster has no manager nodes: node.role == manager is left out, and web runs on any container instance'],
    ['a Swarm node id', Placement.nodeId('x1y2'), 'a container instance has no Swarm node id: node.id == x1y2 is left out, and web runs on any container instance'],
  ])('GIVEN %s on EC2 WHEN synthesized THEN ecs/placement says it is left out', (_, rule, message) => {
    const { template, diagnostics } = synthEcs(ec2(shop({ placement: { constraints: [rule] } })));
    const d = find(diagnostics, 'ecs/placement');
    expect([d.severity, d.path, d.message, d.fix]).toEqual([
      'warning',
      'shop/web placement.constraints[0]',
      message,
      'Give the container instances web must run on a custom attribute (ECS_INSTANCE_ATTRIBUTES in /etc/ecs/ecs.config, or `aws ecs put-attributes`) and write Placement.nodeLabel(attribute, value).',
    ]);
    expect(taskDefinitionOf(template!, 'shop-web').PlacementConstraints).toBeUndefined();
  });

  test('GIVEN at most 2 tasks per node on EC2 WHEN synthesized THEN ecs/max-replicas-per-node says ECS caps at 1 only', () => {
    const { template, diagnostics } = synthEcs(ec2(shop({ placement: { maxReplicasPerNode: 2 } })));
    expect(find(diagnostics, 'ecs/max-replicas-per-node').message).toBe('ECS caps the tasks per container instance at 1 only (distinctInstance): one instance may run more than 2 tasks of web');
    expect(serviceOf(template!, 'web').Properties.PlacementConstraints).toBeUndefined();
  });

  test('GIVEN an architecture on Fargate WHEN synthesized THEN the task asks for it as its runtime platform, with no placement constraint', () => {
    const t = templateOf(shop({ placement: { constraints: [Placement.arch('amd64').not(), Placement.os('linux')], maxReplicasPerNode: 1 } }));
    const task = taskDefinitionOf(t, 'shop-web');
    expect([task.RuntimePlatform, task.PlacementConstraints]).toEqual([{ CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' }, undefined]);
  });

  test('GIVEN a node label and a spread on Fargate WHEN synthesized THEN ecs/placement says Fargate chooses the host, with the launch type that fixes it', () => {
    const { diagnostics } = synthEcs(shop({ placement: { constraints: [Placement.nodeLabel('zone', 'eu-1')], spread: ['zone'] } }));
    expect(diagnostics.filter((d) => d.code === 'ecs/placement').map((d) => [d.path, d.message, d.fix])).toEqual([
      ['shop/web placement.constraints[0]', 'Fargate chooses the host of each task: node.labels.zone == eu-1 is left out, and web runs on any Fargate capacity', "Set targetOptions.ecs.launchType 'ec2' on the System, with container instances that meet the rule."],
      ['shop/web placement.spread[0]', 'Fargate spreads tasks over Availability Zones itself: the spread of web over node label zone is left out', "Set targetOptions.ecs.launchType 'ec2' on the System, with container instances that carry the attribute zone."],
    ]);
  });

  test('GIVEN a job with a node label on EC2 WHEN synthesized THEN its task definition carries the constraint, which RunTask obeys', () => {
    const sys = new System('shop');
    new Job(sys, 'migrate', { image: Image.of('shop/migrate:1.0'), placement: { constraints: [Placement.nodeLabel('db', 'true')] } });
    const t = templateOf(ec2(sys.toSpec()));
    expect(taskDefinitionOf(t, 'shop-migrate').PlacementConstraints).toEqual([{ Type: 'memberOf', Expression: 'attribute:db == true' }]);
  });
});

describe('node labels in the cluster query language: quoted where they must be, refused where ECS cannot hold them', () => {
  test('GIVEN label values with spaces, @, / and : on EC2 WHEN synthesized THEN each argument is in single quotes, a bare one is not, and the put-attributes fix quotes its words for the shell', () => {
    const spec = ec2(
      shop({
        placement: {
          constraints: [Placement.nodeLabel('zone', 'eu west 1'), Placement.nodeLabel('owner', 'ops@example.com').not(), Placement.nodeLabel('rack', 'r1/a:2'), Placement.nodeLabel('tier', 'db_2.x')],
        },
      }),
    );
    const { template, diagnostics } = synthEcs(spec);
    expect(taskDefinitionOf(template!, 'shop-web').PlacementConstraints).toEqual([
      { Type: 'memberOf', Expression: "attribute:zone == 'eu west 1'" },
      { Type: 'memberOf', Expression: "attribute:owner != 'ops@example.com'" },
      { Type: 'memberOf', Expression: "attribute:rack == 'r1/a:2'" },
      { Type: 'memberOf', Expression: 'attribute:tier == db_2.x' },
    ]);
    expect(find(diagnostics, 'ecs/placement-attribute').fix).toBe(
      'Add "zone":"eu west 1" to ECS_INSTANCE_ATTRIBUTES in /etc/ecs/ecs.config of those instances, or run `aws ecs put-attributes --attributes \'name=zone,value=eu west 1,targetType=container-instance,targetId=<instance ARN>\'`.',
    );
    expect(codes(diagnostics)).not.toContain('ecs/placement-value');
  });

  test.each<[string, Placement, string]>([
    ['a character no ECS attribute value holds', Placement.nodeLabel('zone', 'eu#1'), 'node.labels.zone == eu#1 cannot be a cluster query of web: an ECS attribute value holds only letters, digits, spaces and - _ . @ / \\ : (got "eu#1", with "#")'],
    ['a quote', Placement.nodeLabel('zone', "it's").not(), 'node.labels.zone != it\'s cannot be a cluster query of web: an ECS attribute value holds only letters, digits, spaces and - _ . @ / \\ : (got "it\'s", with "\'")'],
    ['a backslash', Placement.nodeLabel('share', 'c:\\data'), 'node.labels.share == c:\\data cannot be a cluster query of web: the cluster query language has no way to write a backslash in an argument (got "c:\\\\data")'],
    ['a value of 129 characters', Placement.nodeLabel('zone', 'z'.repeat(129)), `node.labels.zone == ${'z'.repeat(129)} cannot be a cluster query of web: an ECS attribute value is at most 128 characters (got 129)`],
    ['a label name of 129 characters', Placement.nodeLabel('z'.repeat(129), 'eu-1'), `node.labels.${'z'.repeat(129)} == eu-1 cannot be a cluster query of web: an ECS attribute name is at most 128 letters, digits and - _ / \\ . (got "${'z'.repeat(129)}")`],
  ])('GIVEN %s in a node label on EC2 WHEN synthesized THEN ecs/placement-value refuses it, and no template is written', (_, rule, message) => {
    const { template, diagnostics } = synthEcs(ec2(shop({ placement: { constraints: [rule] } })));
    const d = find(diagnostics, 'ecs/placement-value');
    expect([d.severity, d.path, d.message, d.fix]).toEqual([
      'error',
      'shop/web placement.constraints[0]',
      message,
      'Label the nodes with a name of letters, digits and - _ / . and a value of letters, digits, spaces and - _ . @ / :, and write that label in Placement.nodeLabel.',
    ]);
    expect(template).toBeUndefined();
    expect(codes(diagnostics)).not.toContain('ecs/placement-attribute');
  });

  test('GIVEN a spread over a label of 129 characters on EC2 WHEN synthesized THEN ecs/placement-value refuses the spread', () => {
    const { template, diagnostics } = synthEcs(ec2(shop({ placement: { spread: ['z'.repeat(129)] } })));
    const d = find(diagnostics, 'ecs/placement-value');
    expect(template).toBeUndefined();
    expect([d.severity, d.path, d.message]).toEqual([
      'error',
      'shop/web placement.spread[0]',
      `the spread of web over node label ${'z'.repeat(129)} cannot be a placement strategy: an ECS attribute name is at most 128 letters, digits and - _ / \\ . (got "${'z'.repeat(129)}")`,
    ]);
  });
});
