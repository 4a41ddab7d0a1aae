import { HealthCheck, Image, Job, Mount, Network, Secret, Security, Service, System, Volume } from '../../lib/model';
import { modelErrorOf, NGINX, shop } from './helpers';

/** Props as a user without the type checker writes them: any key at all. */
const loose = <T>(props: Record<string, unknown>): T => props as unknown as T;

describe('an unknown prop is an error at construction, on every props object', () => {
  it.each<[string, () => unknown, string]>([
    [
      'a service',
      () => new Service(new System('webapp'), 'web', loose({ image: NGINX, healthcheck: HealthCheck.tcp(80) })),
      "webapp/web: unknown prop 'healthcheck' (did you mean 'health'?)",
    ],
    ['a service, nested in resources', () => new Service(shop(), 'web', loose({ image: NGINX, resources: { mem: '512m' } })), "shop/web resources: unknown prop 'mem' (did you mean 'memory'?)"],
    ['a service, nested in logging', () => new Service(shop(), 'web', loose({ image: NGINX, logging: { maxSize: '1m', maxfiles: 2 } })), "shop/web logging: unknown prop 'maxfiles' (did you mean 'maxFiles'?)"],
    ['a job', () => new Job(shop(), 'once', loose({ image: NGINX, schedul: '0 3 * * *' })), "shop/once: unknown prop 'schedul' (did you mean 'schedule'?)"],
    [
      'a job, with nothing near',
      () => new Job(shop(), 'once', loose({ image: NGINX, zzz: 2 })),
      "shop/once: unknown prop 'zzz'. Use one of aliases, command, containerName, dependsOn, devices, dns, entrypoint, env, extraHosts, gpus, health, hostNetwork, hostPid, hostname, image, init, labels, logging, mounts, networks, placement, platform, privileged, resources, restart, schedule, secretEnv, security, serviceLabels, stdinOpen, stop, suppress, sysctls, tty, ulimits, workingDir.",
    ],
    [
      'a sidecar',
      () => new Service(shop(), 'web', { image: NGINX }).addSidecar('log', loose({ image: NGINX, volumesFrom: true, enviroment: {} })),
      "shop/web/log: unknown prop 'enviroment' (did you mean 'env'?)",
    ],
    ['image options', () => new Service(shop(), 'web', { image: Image.of('nginx:1.27', loose({ credential: undefined })) }), "shop/web image: unknown prop 'credential' (did you mean 'credentials'?)"],
    [
      'image build props',
      () => new Service(shop(), 'web', { image: Image.build(loose({ context: 'src', tag: 'shop/web:1', dockerFile: 'Dockerfile.dev' })) }),
      "shop/web image: unknown prop 'dockerFile' (did you mean 'dockerfile'?)",
    ],
    ['health-check options', () => new Service(shop(), 'web', { image: NGINX, health: HealthCheck.tcp(80, loose({ intervall: '5s' })) }), "shop/web health: unknown prop 'intervall' (did you mean 'interval'?)"],
    ['mount options', () => new Service(shop(), 'web', { image: NGINX, mounts: [Mount.bind('./site', '/srv', loose({ readonly: true }))] }), "shop/web mounts[0]: unknown prop 'readonly' (did you mean 'readOnly'?)"],
    ['ephemeral mount options', () => new Service(shop(), 'web', { image: NGINX, mounts: [Mount.ephemeral('/tmp', loose({ size: '1g' }))] }), "shop/web mounts[0]: unknown prop 'size' (did you mean 'sizeLimit'?)"],
    ['stop', () => new Service(shop(), 'web', { image: NGINX, stop: loose({ grace: '10s' }) }), "shop/web stop: unknown prop 'grace' (did you mean 'gracePeriod'?)"],
    [
      'the restricted preset',
      () => Security.restricted(loose({ user: '10001', readOnlyRootFilesystem: false })),
      "Security.restricted: unknown prop 'readOnlyRootFilesystem'. Use one of add, user.",
    ],
    ['a network', () => new Network(shop(), 'backend', loose({ interal: true })), "shop/backend: unknown prop 'interal' (did you mean 'internal'?)"],
    ['a volume', () => new Volume(shop(), 'data', loose({ sizee: '1Gi' })), "shop/data: unknown prop 'sizee' (did you mean 'size'?)"],
    ['a secret', () => new Secret(shop(), 'token', loose({ env: 'TOKEN' })), "shop/token: unknown prop 'env' (did you mean 'envName'?)"],
    ['a system', () => new System('shop', loose({ targets: {} })), "shop: unknown prop 'targets' (did you mean 'targetOptions'?)"],
    ['target options', () => new System('shop', loose({ targetOptions: { kubernetes: { namespaces: 'x' } } })), "shop targetOptions.kubernetes: unknown prop 'namespaces' (did you mean 'namespace'?)"],
    ['target options, a target lading does not have', () => new System('shop', loose({ targetOptions: { nomad: {} } })), "shop targetOptions: unknown prop 'nomad'. Use one of compose, ecs, kubernetes, swarm."],
    [
      'the ECS VPC',
      () => new System('shop', loose({ targetOptions: { ecs: { vpc: { vpcId: 'vpc-0a', availabilityZones: ['a', 'b'], publicSubnetIds: ['subnet-0a', 'subnet-0b'], privateSubnetIds: ['subnet-0c', 'subnet-0d'], subnetIds: [] } } } })),
      "shop targetOptions.ecs.vpc: unknown prop 'subnetIds' (did you mean 'privateSubnetIds'?)",
    ],
  ])('GIVEN a typo in %s WHEN constructed THEN one line names it and the nearest known prop', (_given, make, message) => {
    expect(modelErrorOf(make)).toBe(message);
  });

  it('GIVEN every known prop of a service WHEN constructed THEN none is refused', () => {
    const sys = shop();
    const backend = new Network(sys, 'backend');
    expect(
      () =>
        new Service(sys, 'web', {
          image: NGINX,
          command: ['nginx'],
          entrypoint: ['/docker-entrypoint.sh'],
          workingDir: '/srv',
          security: { user: '101' },
          env: { A: 'b' },
          secretEnv: {},
          resources: { memory: '64m', memoryReservation: '32m', cpuShares: 512, cpus: 0.5 },
          mounts: [],
          health: HealthCheck.tcp(80, { interval: '5s', timeout: '2s', retries: 3, startPeriod: '1s' }),
          labels: {},
          logging: { maxSize: '1m', maxFiles: 2 },
          privileged: false,
          networks: [backend],
          dependsOn: [],
          hostNetwork: false,
          suppress: {},
          placement: { constraints: [], spread: [] },
          ports: [],
          replicas: 1,
          restart: 'always',
        }),
    ).not.toThrow();
  });

  test('GIVEN a typo inside security and inside its capabilities WHEN constructed THEN one line names the nested prop', () => {
    const sys = shop();
    expect(() => new Service(sys, 'web', { image: NGINX, security: { readOnlyRootFs: true } as never })).toThrow(
      "shop/web security: unknown prop 'readOnlyRootFs' (did you mean 'readOnlyRootFilesystem'?)",
    );
    expect(() => new Service(sys, 'api', { image: NGINX, security: { capabilities: { dorp: ['ALL'] } as never } })).toThrow(
      "shop/api security.capabilities: unknown prop 'dorp' (did you mean 'drop'?)",
    );
  });
});
