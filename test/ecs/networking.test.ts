import { Match } from 'aws-cdk-lib/assertions';
import { HealthCheck, Image, Network, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { codes, containersOf, find, one, resources, serviceOf, synthEcs, templateOf, withEcs } from './support/ecs-kit';

const system = (build: (sys: System) => void, options?: ConstructorParameters<typeof System>[1]): SystemSpec => {
  const sys = new System('shop', options);
  build(sys);
  return sys.toSpec();
};

const groupIdOf = (t: ReturnType<typeof templateOf>, description: string) =>
  one(t, 'AWS::EC2::SecurityGroup', (p) => p.GroupDescription === description).id;

describe('ECS: ports, load balancers, networks', () => {
  test('GIVEN a tcp and a udp port that are not published WHEN rendered THEN both are port mappings with their protocol, and tcp is reachable by name through Service Connect', () => {
    const spec = system((s) => new Service(s, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432), Port.udp(5353)] }));
    const { template, diagnostics } = synthEcs(spec);
    expect(containersOf(template!, 'shop-db')[0].PortMappings).toEqual([
      { ContainerPort: 5432, Name: 'tcp-5432', Protocol: 'tcp' },
      { ContainerPort: 5353, Name: 'udp-5353', Protocol: 'udp' },
    ]);
    template!.hasResourceProperties('AWS::ServiceDiscovery::PrivateDnsNamespace', { Name: 'shop' });
    expect(serviceOf(template!, 'db').Properties.ServiceConnectConfiguration).toMatchObject({
      Enabled: true,
      Services: [{ PortName: 'tcp-5432', DiscoveryName: 'db-tcp-5432', ClientAliases: [{ DnsName: 'db', Port: 5432 }] }],
    });
    template!.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
    expect(find(diagnostics, 'ecs/udp-by-name')).toMatchObject({ severity: 'warning', path: 'shop/db ports[1]', fix: 'Publish it through the load balancer, or reach the task by its IP address.' });
  });

  test('GIVEN a published udp port WHEN rendered THEN ecs/udp-by-name points at its load balancer rather than asking to publish it', () => {
    const spec = system((s) => new Service(s, 'dns', { image: Image.of('coredns/coredns:1.11.3'), ports: [Port.tcp(53), Port.udp(53).publish(53)] }));
    const { diagnostics } = synthEcs(spec);
    expect(find(diagnostics, 'ecs/udp-by-name')).toMatchObject({
      path: 'shop/dns ports[1]',
      message: 'Service Connect carries TCP only: udp port 53 is not reachable as dns:53',
      fix: "Reach it through its load balancer, where it is published, or by the task's IP address.",
    });
  });

  test('GIVEN a client without ports WHEN rendered THEN it joins Service Connect as a client so db:5432 resolves', () => {
    const t = templateOf(
      system((s) => {
        new Service(s, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)] });
        new Service(s, 'worker', { image: Image.of('w:1') });
      }),
    );
    expect(serviceOf(t, 'worker').Properties.ServiceConnectConfiguration).toEqual(
      expect.objectContaining({ Enabled: true, Namespace: 'shop' }),
    );
  });

  test('GIVEN a tcp port published on 8080 WHEN rendered THEN an NLB listener 8080 forwards to a target group on 80, the LB group is open on 8080 only and the service admits it on 80 only', () => {
    const t = templateOf(system((s) => new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)] })));
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'network', Scheme: 'internet-facing' });
    const tg = one(t, 'AWS::ElasticLoadBalancingV2::TargetGroup');
    expect(tg.Properties).toMatchObject({ Port: 80, Protocol: 'TCP', TargetType: 'ip' });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 8080, Protocol: 'TCP', DefaultActions: [Match.objectLike({ TargetGroupArn: { Ref: tg.id } })] });
    expect(serviceOf(t, 'web').Properties.LoadBalancers).toEqual([{ ContainerName: 'web', ContainerPort: 80, TargetGroupArn: { Ref: tg.id } }]);
    const lbGroup = one(t, 'AWS::EC2::SecurityGroup', (p) => String(p.GroupDescription).includes('load balancer'));
    expect(lbGroup.Properties.SecurityGroupIngress).toEqual([expect.objectContaining({ CidrIp: '0.0.0.0/0', FromPort: 8080, ToPort: 8080, IpProtocol: 'tcp' })]);
    const own = groupIdOf(t, 'shop/web: the workload itself');
    const ingress = Object.values(resources(t, 'AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties);
    expect(ingress.filter((r) => JSON.stringify(r.SourceSecurityGroupId).includes(lbGroup.id))).toEqual([
      expect.objectContaining({ GroupId: { 'Fn::GetAtt': [own, 'GroupId'] }, FromPort: 80, ToPort: 80, IpProtocol: 'tcp' }),
    ]);
    t.hasResourceProperties('AWS::EC2::SecurityGroupEgress', { GroupId: { 'Fn::GetAtt': [lbGroup.id, 'GroupId'] }, FromPort: 80, ToPort: 80 });
  });

  test('GIVEN an http port published on 8080 with an http health check WHEN rendered THEN an ALB listener forwards to port 80 and the target group checks the path', () => {
    const t = templateOf(
      system((s) => new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.http(80).publish(8080)], health: HealthCheck.http('/healthz', 80, { interval: '15s', timeout: '5s', retries: 4 }) })),
    );
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'application' });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 8080, Protocol: 'HTTP' });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 80,
      Protocol: 'HTTP',
      HealthCheckPath: '/healthz',
      HealthCheckPort: 'traffic-port',
      HealthCheckIntervalSeconds: 15,
      HealthCheckTimeoutSeconds: 5,
      UnhealthyThresholdCount: 4,
    });
    expect(containersOf(t, 'shop-web')[0].PortMappings[0]).toMatchObject({ AppProtocol: 'http', ContainerPort: 80 });
    t.hasOutput('AlbDnsName', {});
  });

  test('GIVEN a port published on a dynamic host port on Fargate WHEN rendered THEN the listener is on the container port, with ecs/dynamic-port-fargate', () => {
    const spec = system((s) => new Service(s, 'echo', { image: Image.of('echo:1'), ports: [Port.tcp(7).publish()] }));
    const { template, diagnostics } = synthEcs(spec);
    template!.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 7, Protocol: 'TCP' });
    expect(find(diagnostics, 'ecs/dynamic-port-fargate')).toMatchObject({ severity: 'info', path: 'shop/echo ports[0]' });
    expect(find(diagnostics, 'ecs/dynamic-port-fargate').fix).toContain("launchType 'ec2'");
  });

  test('GIVEN the EC2 launch type and a dynamic port WHEN rendered THEN the task uses bridge mode with hostPort 0 and the instances admit the load balancer on the ephemeral range', () => {
    const spec = system((s) => new Service(s, 'echo', { image: Image.of('echo:1'), ports: [Port.udp(1234).publish()] }), { targetOptions: { ecs: { launchType: 'ec2' } } });
    const { template, diagnostics } = synthEcs(spec);
    const t = template!;
    expect(t.toJSON().Resources).toBeDefined();
    const td = one(t, 'AWS::ECS::TaskDefinition').Properties;
    expect(td).toMatchObject({ NetworkMode: 'bridge', RequiresCompatibilities: ['EC2'] });
    expect(td.ContainerDefinitions[0].PortMappings).toEqual([{ ContainerPort: 1234, HostPort: 0, Name: 'udp-1234', Protocol: 'udp' }]);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Protocol: 'UDP', TargetType: 'instance', HealthCheckProtocol: 'TCP' });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { IpProtocol: 'udp', FromPort: 32768, ToPort: 65535 });
    t.hasResourceProperties('AWS::ECS::Service', { LaunchType: 'EC2' });
    t.resourceCountIs('AWS::AutoScaling::AutoScalingGroup', 1);
    expect(find(diagnostics, 'ecs/udp-health-check').path).toBe('shop/echo ports[0]');
    expect(find(diagnostics, 'ecs/ec2-capacity').message).toContain('2 t3.small container instances');
    expect(codes(diagnostics)).not.toContain('ecs/dynamic-port-fargate');
  });

  test('GIVEN three global services and a replicated one in awsvpc mode on EC2 WHEN rendered THEN each instance has an interface for every daemon task and one more, and room for their sizes', () => {
    const spec = system((s) => {
      for (const name of ['logs', 'metrics', 'traces']) new Service(s, name, { image: Image.of('agent:1'), mode: 'global', resources: { memory: '256m', cpus: 0.25 } });
      new Service(s, 'api', { image: Image.of('api:1'), replicas: 4, resources: { memory: '1g', cpus: 0.5 } });
    }, { targetOptions: { ecs: { launchType: 'ec2' } } });
    const { template, diagnostics } = synthEcs(spec);
    // t3.xlarge gives 3 task interfaces, all taken by daemons; m5.4xlarge gives 7: 3 daemons and 4 api tasks on one
    template!.hasResourceProperties('AWS::EC2::LaunchTemplate', { LaunchTemplateData: Match.objectLike({ InstanceType: 'm5.4xlarge' }) });
    template!.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { MinSize: '2', MaxSize: '2' });
    expect(find(diagnostics, 'ecs/ec2-capacity').message).toBe(
      'the cluster gets 2 m5.4xlarge container instances (a task of each of the 3 daemon services and the largest other task need 1280 CPU units and 1792 MiB; each instance gives 7 awsvpc tasks a network interface, 3 of them for daemon tasks)',
    );
  });

  test('GIVEN two services publishing the same listener port WHEN rendered THEN ecs/listener-port-conflict is an error', () => {
    const spec: SystemSpec = system((s) => {
      new Service(s, 'a', { image: Image.of('a:1'), ports: [Port.tcp(80).publish(8080)] });
      new Service(s, 'b', { image: Image.of('b:1'), ports: [Port.tcp(81).publish()] });
    });
    const b = spec.services[1];
    const clash = { ...spec, services: [spec.services[0], { ...b, main: { ...b.main, ports: [{ ...b.main.ports[0], publish: 'fixed' as const, hostPort: 8080 }] } }] };
    const { template, diagnostics } = synthEcs(clash);
    expect(template).toBeUndefined();
    expect(find(diagnostics, 'ecs/listener-port-conflict')).toMatchObject({ severity: 'error', path: 'shop/b ports[0]' });
  });

  test('GIVEN two networks WHEN rendered THEN each is a security group with self-referencing ingress on its members\' ports, and each service joins its groups', () => {
    const t = templateOf(
      system((s) => {
        const front = new Network(s, 'frontend');
        const back = new Network(s, 'backend');
        new Service(s, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], networks: [back] });
        new Service(s, 'api', { image: Image.of('api:1'), ports: [Port.tcp(8000)], networks: [front, back] });
        new Service(s, 'web', { image: Image.of('web:1'), ports: [Port.tcp(80)], networks: [front] });
      }),
    );
    const back = groupIdOf(t, 'shop/backend: members reach each other on their ports');
    const front = groupIdOf(t, 'shop/frontend: members reach each other on their ports');
    const selfRules = (id: string) =>
      Object.values(resources(t, 'AWS::EC2::SecurityGroupIngress'))
        .map((r) => r.Properties)
        .filter((p) => JSON.stringify(p.GroupId) === JSON.stringify({ 'Fn::GetAtt': [id, 'GroupId'] }) && JSON.stringify(p.SourceSecurityGroupId) === JSON.stringify({ 'Fn::GetAtt': [id, 'GroupId'] }))
        .map((p) => `${p.IpProtocol}/${p.FromPort}`);
    expect(selfRules(back)).toEqual(['tcp/5432', 'tcp/8000']);
    expect(selfRules(front)).toEqual(['tcp/80', 'tcp/8000']);
    const groupsOf = (name: string) => JSON.stringify(serviceOf(t, name).Properties.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups);
    expect(groupsOf('db')).toContain(back);
    expect(groupsOf('db')).not.toContain(front);
    expect(groupsOf('api')).toContain(back);
    expect(groupsOf('api')).toContain(front);
  });

  test('GIVEN a service only on an internal network WHEN rendered THEN its tasks get no public IP and sit in private subnets behind one NAT gateway', () => {
    const spec = system((s) => {
      const back = new Network(s, 'backend', { internal: true });
      new Service(s, 'db', { image: Image.of('postgres:16.4'), networks: [back] });
      new Service(s, 'web', { image: Image.of('web:1') });
    });
    const { template, diagnostics } = synthEcs(spec);
    const t = template!;
    expect(serviceOf(t, 'db').Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('DISABLED');
    expect(serviceOf(t, 'web').Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('ENABLED');
    expect(JSON.stringify(serviceOf(t, 'db').Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets)).toContain('privateSubnet');
    t.resourceCountIs('AWS::EC2::NatGateway', 1);
    expect(find(diagnostics, 'ecs/internal-network').message).toContain('db only join internal networks');
  });

  test('GIVEN no VPC option WHEN rendered THEN a new VPC spans two availability zones without any lookup', () => {
    const t = templateOf(system((s) => new Service(s, 'web', { image: Image.of('web:1') })));
    t.resourceCountIs('AWS::EC2::VPC', 1);
    const azs = Object.values(resources(t, 'AWS::EC2::Subnet')).map((r) => JSON.stringify(r.Properties.AvailabilityZone));
    expect(new Set(azs).size).toBe(2);
  });

  test('GIVEN an existing VPC by its attributes WHEN rendered THEN no VPC is created and the service uses its subnets', () => {
    const spec = withEcs(
      system((s) => new Service(s, 'web', { image: Image.of('web:1') })),
      { vpc: { vpcId: 'vpc-0abc', availabilityZones: ['eu-west-1a', 'eu-west-1b'], publicSubnetIds: ['subnet-a', 'subnet-b'], privateSubnetIds: [] } },
    );
    const t = templateOf(spec);
    t.resourceCountIs('AWS::EC2::VPC', 0);
    expect(serviceOf(t, 'web').Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets).toEqual(['subnet-a', 'subnet-b']);
  });

  test('GIVEN an existing VPC without the private subnets an internal service needs WHEN rendered THEN ecs/vpc-subnets is an error', () => {
    const spec = withEcs(
      system((s) => new Service(s, 'db', { image: Image.of('db:1'), networks: [new Network(s, 'back', { internal: true })] })),
      { vpc: { vpcId: 'vpc-0abc', availabilityZones: ['eu-west-1a', 'eu-west-1b'], publicSubnetIds: ['subnet-a'], privateSubnetIds: [] } },
    );
    const { template, diagnostics } = synthEcs(spec);
    expect(template).toBeUndefined();
    expect(diagnostics.filter((d) => d.code === 'ecs/vpc-subnets').map((d) => d.message)).toEqual([
      'the VPC has no private subnets, which tasks only on internal networks and EC2 container instances need',
      'publicSubnetIds has 1 subnets for 2 availability zones',
    ]);
  });


  test('GIVEN the EC2 launch type and two networks WHEN rendered THEN the tasks use awsvpc in private subnets with one security group per network, and nothing warns', () => {
    const spec = system(
      (s) => {
        new Service(s, 'a', { image: Image.of('a:1'), ports: [Port.tcp(80)], networks: [new Network(s, 'one')] });
        new Service(s, 'b', { image: Image.of('b:1'), ports: [Port.tcp(81)], networks: [new Network(s, 'two')] });
      },
      { targetOptions: { ecs: { launchType: 'ec2' } } },
    );
    const { template, diagnostics } = synthEcs(spec);
    const t = template!;
    for (const td of Object.values(resources(t, 'AWS::ECS::TaskDefinition'))) expect(td.Properties).toMatchObject({ NetworkMode: 'awsvpc', RequiresCompatibilities: ['EC2'] });
    const a = serviceOf(t, 'a').Properties.NetworkConfiguration.AwsvpcConfiguration;
    expect(a.AssignPublicIp).toBe('DISABLED');
    expect(a.SecurityGroups).toContainEqual({ 'Fn::GetAtt': [groupIdOf(t, 'shop/one: members reach each other on their ports'), 'GroupId'] });
    expect(a.SecurityGroups).not.toContainEqual({ 'Fn::GetAtt': [groupIdOf(t, 'shop/two: members reach each other on their ports'), 'GroupId'] });
    const instances = one(t, 'AWS::EC2::SecurityGroup', (p) => /container instances/.test(p.GroupDescription)).Properties;
    expect(instances.SecurityGroupIngress ?? []).toEqual([]);
    t.resourceCountIs('AWS::EC2::SecurityGroupIngress', 2);
    expect(codes(diagnostics)).not.toContain('ecs/ec2-network-isolation');
  });

  test('GIVEN the EC2 launch type, two networks and a dynamic host port WHEN rendered THEN only that task uses bridge mode, and ecs/ec2-network-isolation names it', () => {
    const spec = system(
      (s) => {
        new Service(s, 'a', { image: Image.of('a:1'), ports: [Port.tcp(80).publish()], networks: [new Network(s, 'one')] });
        new Service(s, 'b', { image: Image.of('b:1'), ports: [Port.tcp(81)], networks: [new Network(s, 'two')] });
      },
      { targetOptions: { ecs: { launchType: 'ec2' } } },
    );
    const { template, diagnostics } = synthEcs(spec);
    expect(Object.values(resources(template!, 'AWS::ECS::TaskDefinition')).map((td) => [td.Properties.Family, td.Properties.NetworkMode])).toEqual([
      ['shop-a', 'bridge'],
      ['shop-b', 'awsvpc'],
    ]);
    expect(find(diagnostics, 'ecs/ec2-network-isolation')).toMatchObject({
      severity: 'warning',
      path: 'shop/a ports',
      message: "a dynamic host port needs bridge mode, whose tasks share the container instances' security group: the networks one do not isolate a",
    });
  });
});
