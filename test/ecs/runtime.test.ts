import { Image, Port, Service, System, type ServiceProps } from '../../lib/model';
import { cfnLintProblems } from './support/cfn-lint';
import { codes, containersOf, find, one, serviceOf, synthEcs, taskDefinitionOf, templateOf, withEcs } from './support/ecs-kit';

function shop(props: Partial<ServiceProps>) {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], ...props });
  return sys.toSpec();
}

describe('how a workload runs on ECS: name, host name, stop, platform and restart', () => {
  test('GIVEN a grace period and a platform WHEN synthesized THEN the container has stopTimeout and the task RuntimePlatform', () => {
    const t = templateOf(shop({ stop: { gracePeriod: '45s' }, platform: 'linux/arm64' }));
    expect(containersOf(t, 'shop-web')[0].StopTimeout).toBe(45);
    expect(taskDefinitionOf(t, 'shop-web').RuntimePlatform).toEqual({ CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' });
  });

  test('GIVEN a grace period over 120 s on Fargate WHEN synthesized THEN it is cut to 120 with a warning', () => {
    const spec = shop({ stop: { gracePeriod: '5m' } });
    const { template, diagnostics } = synthEcs(spec);
    expect(containersOf(template!, 'shop-web')[0].StopTimeout).toBe(120);
    expect(find(diagnostics, 'ecs/stop-timeout').message).toBe('Fargate waits at most 120 seconds before it kills a container: web gets 120, not 300');
  });

  test('GIVEN a stop signal WHEN synthesized THEN a warning says ECS sends the image\'s', () => {
    const d = find(synthEcs(shop({ stop: { signal: 'SIGINT' } })).diagnostics, 'ecs/stop-signal');
    expect([d.message, d.fix]).toEqual([
      "a task definition cannot choose the stop signal: ECS sends web the image's STOPSIGNAL, SIGTERM unless the Dockerfile says otherwise, not SIGINT",
      'Write STOPSIGNAL SIGINT in the Dockerfile, which every target honours.',
    ]);
  });

  test('GIVEN a hostname WHEN synthesized in awsvpc mode (Fargate, EC2) THEN a warning says awsvpc ignores it, and in bridge mode the container has it', () => {
    const spec = shop({ hostname: 'web1' });
    for (const launchType of ['fargate', 'ec2'] as const) {
      const d = find(synthEcs(withEcs(spec, { launchType })).diagnostics, 'ecs/hostname');
      expect([d.message, d.fix]).toEqual([
        'a task in awsvpc network mode takes the host name of its network interface (ip-10-0-...): web does not see web1 as its own name',
        'Pass the name in an environment variable if web reads it (only bridge mode keeps a hostname: on EC2, a service that publishes a dynamic host port).',
      ]);
    }
    const bridge = shop({ hostname: 'web1', ports: [Port.tcp(80).publish()] });
    expect(containersOf(templateOf(withEcs(bridge, { launchType: 'ec2' })), 'shop-web')[0].Hostname).toBe('web1');
  });

  test('GIVEN a container name WHEN synthesized THEN Service Connect answers to it as a second client alias', () => {
    const spec = shop({ containerName: 'front' });
    const service = serviceOf(templateOf(spec), 'web');
    expect(service.Properties.ServiceConnectConfiguration.Services[0].ClientAliases).toEqual([
      { DnsName: 'web', Port: 80 },
      { DnsName: 'front', Port: 80 },
    ]);
    expect(find(synthEcs(spec).diagnostics, 'ecs/container-alias').message).toBe(
      'ECS names the containers of a task itself: front is a second Service Connect name of web, so other services still reach it by that name',
    );
  });

  test('GIVEN a service that restarts on-failure WHEN synthesized THEN it is an ECS service, with a note', () => {
    const spec = shop({ restart: 'on-failure' });
    expect(serviceOf(templateOf(spec), 'web').Type).toBe('AWS::ECS::Service');
    expect(find(synthEcs(spec).diagnostics, 'ecs/service-restart').message).toBe(
      "the ECS service replaces every task that stops: 'on-failure' behaves as 'always', so a server that exits is started again",
    );
  });

  test('GIVEN one port published for tcp and udp WHEN synthesized THEN one TCP_UDP listener carries both', () => {
    const sys = new System('dns');
    new Service(sys, 'resolver', { image: Image.of('pihole/pihole:2024.07.0'), ports: [Port.tcp(53).publish(53), Port.udp(53).publish(53)] });
    const t = templateOf(sys.toSpec());
    expect(one(t, 'AWS::ElasticLoadBalancingV2::Listener').Properties).toMatchObject({ Port: 53, Protocol: 'TCP_UDP' });
    expect(one(t, 'AWS::ElasticLoadBalancingV2::TargetGroup').Properties).toMatchObject({ Port: 53, Protocol: 'TCP_UDP' });
  });

  test('GIVEN tty, stdinOpen and sysctls WHEN synthesized THEN the container has pseudoTerminal, interactive and systemControls', () => {
    const c = containersOf(templateOf(shop({ tty: true, stdinOpen: true, sysctls: { 'net.core.somaxconn': '1024' } })), 'shop-web')[0];
    expect([c.PseudoTerminal, c.Interactive, c.SystemControls]).toEqual([true, true, [{ Namespace: 'net.core.somaxconn', Value: '1024' }]]);
  });

  test('GIVEN init WHEN synthesized THEN the main container has LinuxParameters.InitProcessEnabled, and without it none', () => {
    expect(containersOf(templateOf(shop({ init: true })), 'shop-web')[0].LinuxParameters).toMatchObject({ InitProcessEnabled: true });
    expect(containersOf(templateOf(shop({})), 'shop-web')[0].LinuxParameters).toBeUndefined();
  });

  test('GIVEN an empty entrypoint and a command WHEN synthesized THEN the command is the entryPoint, as Docker runs it; without a command, ecs/entrypoint-reset says the image ENTRYPOINT runs', () => {
    const c = containersOf(templateOf(shop({ entrypoint: [], command: ['nginx', '-g', 'daemon off;'] })), 'shop-web')[0];
    expect([c.EntryPoint, c.Command]).toEqual([['nginx', '-g', 'daemon off;'], undefined]);
    const d = find(synthEcs(shop({ entrypoint: [] })).diagnostics, 'ecs/entrypoint-reset');
    expect([d.severity, d.path, d.message]).toEqual([
      'warning',
      'shop/web entrypoint',
      "an empty entrypoint clears the image's ENTRYPOINT so that Docker runs the image's CMD alone, but ECS reads an empty entryPoint as none: the image's ENTRYPOINT runs",
    ]);
  });

  test("GIVEN extra hosts WHEN synthesized THEN bridge mode writes the addresses, host-gateway and awsvpc mode are reported with 'ecs/extra-hosts'", () => {
    const bridge = shop({ extraHosts: { 'host.docker.internal': 'host-gateway', 'db.internal': '10.0.0.5', 'cache.internal': '10.0.0.5' }, ports: [Port.tcp(80).publish()] });
    const r = synthEcs(withEcs(bridge, { launchType: 'ec2' }));
    expect(containersOf(r.template!, 'shop-web')[0].ExtraHosts).toEqual([
      { Hostname: 'cache.internal', IpAddress: '10.0.0.5' },
      { Hostname: 'db.internal', IpAddress: '10.0.0.5' },
    ]);
    expect(find(r.diagnostics, 'ecs/extra-hosts').message).toBe('ECS has no host-gateway: web cannot resolve host.docker.internal to the container instance it runs on');
    const fargate = synthEcs(shop({ extraHosts: { 'db.internal': '10.0.0.5' } }));
    expect(containersOf(fargate.template!, 'shop-web')[0].ExtraHosts).toBeUndefined();
    expect(find(fargate.diagnostics, 'ecs/extra-hosts').message).toBe('a task in awsvpc network mode takes no extra hosts: web cannot resolve db.internal through /etc/hosts');
  });

  test("GIVEN ulimits WHEN synthesized THEN EC2 sets each; Fargate sets nofile only, and 'ecs/ulimits-fargate' names each other limit", () => {
    const spec = shop({ ulimits: { nofile: 65536, memlock: { soft: -1, hard: -1 }, nproc: { soft: 1024, hard: 4096 } } });
    const ec2 = templateOf(withEcs(spec, { launchType: 'ec2' }));
    expect(containersOf(ec2, 'shop-web')[0].Ulimits).toEqual([
      { Name: 'memlock', SoftLimit: -1, HardLimit: -1 },
      { Name: 'nofile', SoftLimit: 65536, HardLimit: 65536 },
      { Name: 'nproc', SoftLimit: 1024, HardLimit: 4096 },
    ]);
    const fargate = synthEcs(spec);
    expect(containersOf(fargate.template!, 'shop-web')[0].Ulimits).toEqual([{ Name: 'nofile', SoftLimit: 65536, HardLimit: 65536 }]);
    expect(fargate.diagnostics.filter((d) => d.code === 'ecs/ulimits-fargate').map((d) => [d.path, d.message])).toEqual([
      ['shop/web ulimits.memlock', 'Fargate sets only the nofile limit: web runs with the default memlock limit, not -1'],
      ['shop/web ulimits.nproc', 'Fargate sets only the nofile limit: web runs with the default nproc limit, not 1024:4096'],
    ]);
  });

  test("GIVEN devices WHEN synthesized THEN EC2 passes them in linuxParameters; Fargate has none, and 'ecs/devices-fargate' says so", () => {
    const spec = shop({ devices: ['/dev/dri', '/dev/video11:/dev/video0:r'] });
    expect(containersOf(templateOf(withEcs(spec, { launchType: 'ec2' })), 'shop-web')[0].LinuxParameters.Devices).toEqual([
      { HostPath: '/dev/dri', ContainerPath: '/dev/dri', Permissions: ['read', 'write', 'mknod'] },
      { HostPath: '/dev/video11', ContainerPath: '/dev/video0', Permissions: ['read'] },
    ]);
    const fargate = synthEcs(spec);
    expect(containersOf(fargate.template!, 'shop-web')[0].LinuxParameters).toBeUndefined();
    expect(find(fargate.diagnostics, 'ecs/devices-fargate').message).toBe('Fargate gives a task no host devices: web runs without /dev/dri, /dev/video11:/dev/video0:r');
  });

  test("GIVEN hostPid WHEN synthesized THEN an EC2 task has pidMode host; a Fargate task has none, and 'ecs/host-pid-fargate' says so", () => {
    const spec = shop({ hostPid: true });
    expect(taskDefinitionOf(templateOf(withEcs(spec, { launchType: 'ec2' })), 'shop-web').PidMode).toBe('host');
    const fargate = synthEcs(spec);
    expect(taskDefinitionOf(fargate.template!, 'shop-web').PidMode).toBeUndefined();
    expect(find(fargate.diagnostics, 'ecs/host-pid-fargate').message).toBe('a Fargate task cannot share the process namespace of a host: web sees only the processes of its task');
  });

  test("GIVEN DNS servers WHEN synthesized THEN bridge mode sets dnsServers; an awsvpc task has none, and 'ecs/dns-servers-awsvpc' says so", () => {
    const bridge = shop({ dns: ['1.1.1.1', '9.9.9.9'], ports: [Port.tcp(80).publish()] });
    expect(containersOf(templateOf(withEcs(bridge, { launchType: 'ec2' })), 'shop-web')[0].DnsServers).toEqual(['1.1.1.1', '9.9.9.9']);
    const fargate = synthEcs(shop({ dns: ['1.1.1.1', '9.9.9.9'] }));
    expect(containersOf(fargate.template!, 'shop-web')[0].DnsServers).toBeUndefined();
    expect(find(fargate.diagnostics, 'ecs/dns-servers-awsvpc').message).toBe("a task in awsvpc network mode uses the VPC's resolver: web does not ask 1.1.1.1, 9.9.9.9");
  });

  test("GIVEN a count of GPUs on EC2 WHEN synthesized THEN the main container has a GPU resource requirement, its sidecar none, 'ecs/gpus-capacity' says which GPU instances the cluster gets, and cfn-lint is clean", () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image: Image.of('ollama/ollama:0.3.12'), ports: [Port.tcp(11434)], gpus: { count: 2 } });
    web.addSidecar('exporter', { image: Image.of('utkuozdemir/nvidia_gpu_exporter:1.2.1') });
    const { template, diagnostics } = synthEcs(withEcs(sys.toSpec(), { launchType: 'ec2' }));
    const [main, exporter] = containersOf(template!, 'shop-web');
    expect([main.Name, main.ResourceRequirements]).toEqual(['web', [{ Type: 'GPU', Value: '2' }]]);
    expect([exporter.Name, exporter.ResourceRequirements]).toEqual(['exporter', undefined]);
    const d = find(diagnostics, 'ecs/gpus-capacity');
    expect([d.severity, d.path, d.message]).toEqual([
      'info',
      'shop targetOptions.ecs.launchType',
      'the cluster gets 1 g4dn.12xlarge GPU container instance (4 GPUs, 49152 CPU units and 196608 MiB each, the ECS GPU-optimized AMI) for 2 tasks of web at once; the largest needs 2 GPUs, no CPU units and 512 MiB',
    ]);
    expect(codes(diagnostics)).not.toContain('ecs/gpu-capabilities');
    expect(codes(diagnostics)).not.toContain('ecs/gpus-instance-type');
    expect(cfnLintProblems([{ path: 'system.template.json', content: JSON.stringify(template!.toJSON()) }])).toEqual([]);
  });

  test("GIVEN GPUs on Fargate WHEN synthesized THEN 'ecs/gpus-fargate' is an error with the fix", () => {
    const { template, diagnostics } = synthEcs(shop({ gpus: { count: 1 } }));
    expect(template).toBeUndefined();
    const d = find(diagnostics, 'ecs/gpus-fargate');
    expect([d.severity, d.path, d.message, d.fix]).toEqual(['error', 'shop/web gpus', 'Fargate gives a task no GPUs: web cannot be given 1 GPU', "Set targetOptions.ecs.launchType 'ec2', with GPU container instances in the cluster."]);
  });

  test.each([
    ['all GPUs', { count: 'all' as const }, 'ECS gives a container a number of GPUs only (gpuCount): web cannot be given all GPUs', 'Give a count, the GPUs a task needs: gpus: { count: 1 }.'],
    ['GPUs by id', { deviceIds: ['GPU-3a2c9f1e'] }, 'ECS gives a container a number of GPUs only (gpuCount): web cannot be given GPU GPU-3a2c9f1e', 'Give a count instead of the ids: gpus: { count: 1 }.'],
  ])("GIVEN %s on EC2 WHEN synthesized THEN 'ecs/gpus-not-counted' is an error with the fix", (_, gpus, message, fix) => {
    const { template, diagnostics } = synthEcs(withEcs(shop({ gpus }), { launchType: 'ec2' }));
    expect(template).toBeUndefined();
    const d = find(diagnostics, 'ecs/gpus-not-counted');
    expect([d.severity, d.path, d.message, d.fix]).toEqual(['error', 'shop/web gpus', message, fix]);
  });

  test("GIVEN GPU capabilities beyond the default on EC2 WHEN synthesized THEN 'ecs/gpu-capabilities' names the env var to set", () => {
    const d = find(synthEcs(withEcs(shop({ gpus: { count: 1, capabilities: ['graphics', 'video'] } }), { launchType: 'ec2' })).diagnostics, 'ecs/gpu-capabilities');
    expect([d.severity, d.path, d.message, d.fix]).toEqual([
      'warning',
      'shop/web gpus.capabilities',
      "a task definition asks for no GPU capabilities: web gets the NVIDIA runtime's default (compute, utility), not graphics, video",
      "Add NVIDIA_DRIVER_CAPABILITIES: 'compute,graphics,utility,video' to the env of web: the NVIDIA runtime of the node reads it.",
    ]);
  });

  test("GIVEN DNS search domains WHEN synthesized THEN bridge mode sets dnsSearchDomains; an awsvpc task has none, and 'ecs/dns-search-awsvpc' says so", () => {
    const bridge = shop({ dns: { search: ['corp.example.com'] }, ports: [Port.tcp(80).publish()] });
    expect(containersOf(templateOf(withEcs(bridge, { launchType: 'ec2' })), 'shop-web')[0].DnsSearchDomains).toEqual(['corp.example.com']);
    const fargate = synthEcs(shop({ dns: { search: ['corp.example.com'] } }));
    expect(containersOf(fargate.template!, 'shop-web')[0].DnsSearchDomains).toBeUndefined();
    const d = find(fargate.diagnostics, 'ecs/dns-search-awsvpc');
    expect([d.path, d.message]).toEqual(['shop/web dns.search', "a task in awsvpc network mode searches the domains of the VPC's DHCP options: web does not search corp.example.com"]);
  });

  test("GIVEN resolver options WHEN synthesized THEN the container definition has none, in any mode, and 'ecs/dns-options' says so", () => {
    const bridge = synthEcs(withEcs(shop({ dns: { options: ['ndots:2'] }, ports: [Port.tcp(80).publish()] }), { launchType: 'ec2' }));
    const d = find(bridge.diagnostics, 'ecs/dns-options');
    expect([d.severity, d.path, d.message]).toEqual(['warning', 'shop/web dns.options', 'a container definition has no resolver options: web resolves without ndots:2']);
    expect(JSON.stringify(containersOf(bridge.template!, 'shop-web')[0])).not.toContain('ndots');
  });
});
