import { Construct } from 'constructs';
import { Dependency, Image, Job, ModelError, ModelValidationError, Mount, Network, Port, Secret, Service, System, Volume } from '../../lib/model';
import { errorOf, modelErrorOf, NGINX, shop } from './helpers';

/** The ModelValidationError that toSpec() throws. */
function validationErrorOf(sys: System): ModelValidationError {
  const e = errorOf(() => sys.toSpec());
  expect(e).toBeInstanceOf(ModelValidationError);
  expect(ModelError.is(e)).toBe(true);
  return e as ModelValidationError;
}

describe('System', () => {
  it.each<[string, string, string]>([
    ['uppercase letters', 'Shop', 'shop'],
    ['an underscore', 'my_shop', 'my-shop'],
    ['64 characters', 's'.repeat(64), 's'.repeat(63)],
  ])('GIVEN a System name with %s WHEN created THEN it fails with the rule and a suggested name', (_given, name, suggestion) => {
    expect(modelErrorOf(() => new System(name))).toBe(
      `System name: system name must be at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (got ${JSON.stringify(name)}). Rename it, e.g. ${JSON.stringify(suggestion)}.`,
    );
  });

  it('GIVEN a System without a name WHEN created THEN the suggested name is a name, not "undefined"', () => {
    expect(modelErrorOf(() => new System(undefined as unknown as string))).toBe(
      `System name: system name must be at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit. Rename it, e.g. "app".`,
    );
  });

  it('GIVEN a valid System WHEN it is checked THEN isSystem tells it from other values', () => {
    expect([System.isSystem(shop()), System.isSystem({}), System.isSystem(null)]).toEqual([true, false, false]);
  });
});

describe('whole-tree validation (toSpec)', () => {
  it('GIVEN a workload that uses a network, a dependency, a volume and secrets of another System WHEN specified THEN toSpec throws one line per mistake', () => {
    const other = new System('other');
    const theirNet = new Network(other, 'backend');
    const theirDb = new Service(other, 'db', { image: NGINX });
    const theirData = new Volume(other, 'data');
    const theirPw = new Secret(other, 'pw');
    const theirLogin = new Secret(other, 'ghcr');
    const sys = shop();
    new Service(sys, 'web', {
      image: Image.of('ghcr.io/org/web:1.0', { credentials: theirLogin }),
      networks: [theirNet],
      dependsOn: [Dependency.started(theirDb)],
      mounts: [Mount.volume(theirData, '/data')],
      secretEnv: { PW: theirPw },
    });
    const e = validationErrorOf(sys);
    expect(e.message.split('\n')).toEqual([
      'shop/web networks[0]: network belongs to another System (got "other/backend"). Create the network in shop.',
      'shop/web dependsOn[0]: dependency belongs to another System (got "other/db"). Depend on a workload of shop.',
      'shop/web mounts[0].volume: volume belongs to another System (got "other/data"). Create the volume in shop.',
      'shop/web secretEnv.PW: secret belongs to another System (got "other/pw"). Create the secret in shop.',
      'shop/web image.credentials: secret belongs to another System (got "other/ghcr"). Create the secret in shop.',
    ]);
    expect(e.errors).toHaveLength(5);
    expect(e.errors.map((x) => x.prop)).toEqual(['networks[0]', 'dependsOn[0]', 'mounts[0].volume', 'secretEnv.PW', 'image.credentials']);
  });

  it('GIVEN a sidecar that uses a volume and a secret of another System WHEN specified THEN the lines name the sidecar', () => {
    const other = new System('other');
    const theirData = new Volume(other, 'data');
    const theirPw = new Secret(other, 'pw');
    const sys = shop();
    new Service(sys, 'web', { image: NGINX }).addSidecar('shipper', { image: NGINX, mounts: [Mount.volume(theirData, '/data')], secretEnv: { PW: theirPw } });
    expect(validationErrorOf(sys).message).toBe(
      [
        'shop/web/shipper mounts[0].volume: volume belongs to another System (got "other/data"). Create the volume in shop.',
        'shop/web/shipper secretEnv.PW: secret belongs to another System (got "other/pw"). Create the secret in shop.',
      ].join('\n'),
    );
  });

  it('GIVEN two workloads publishing one host port WHEN specified THEN toSpec fails: the host has the port once', () => {
    const sys = shop();
    new Service(sys, 'web', { image: NGINX, ports: [Port.tcp(80).publish(8080)] });
    new Service(sys, 'admin', { image: NGINX, ports: [Port.udp(8080).publish(8080), Port.tcp(81).publish(8080)] });
    expect(validationErrorOf(sys).message).toBe(
      'shop/web ports[0].hostPort: host port already published by shop/admin (got "8080/tcp"). Publish each host port and protocol once in a System.',
    );
  });

  it('GIVEN two secrets with one env name WHEN specified THEN toSpec fails: Compose would pass one value for both', () => {
    const sys = shop();
    new Secret(sys, 'db-password', { envName: 'PASSWORD' });
    new Secret(sys, 'api-password', { envName: 'PASSWORD' });
    expect(validationErrorOf(sys).message).toBe(
      'shop/db-password envName: environment variable already carries shop/api-password (got "PASSWORD"). Give each secret its own envName.',
    );
  });

  it.each<[string, (sys: System) => void, string]>([
    [
      'a network created under a service',
      (sys) => new Network(new Service(sys, 'web', { image: NGINX }), 'backend'),
      'shop/web/backend: must be created directly under the System (got "backend"). Pass the System as the scope.',
    ],
    [
      'a service inside a construct of its own',
      (sys) => new Service(new Construct(sys, 'group'), 'web', { image: NGINX }),
      'shop/group/web: must be created directly under the System (got "web"). Pass the System as the scope.',
    ],
  ])('GIVEN %s WHEN specified THEN toSpec fails with the exact message', (_given, arrange, message) => {
    const sys = shop();
    arrange(sys);
    expect(validationErrorOf(sys).message).toBe(message);
  });

  describe('dependency lists completed after construction', () => {
    it('GIVEN two services that depend on each other WHEN specified THEN toSpec reports the cycle', () => {
      const sys = shop();
      const later: Dependency[] = [];
      const a = new Service(sys, 'a', { image: NGINX, dependsOn: later });
      new Service(sys, 'b', { image: NGINX, dependsOn: [Dependency.started(a)] });
      later.push(Dependency.started(sys.node.findChild('b') as Service));
      expect(validationErrorOf(sys).message).toBe('shop/a dependsOn: dependency cycle (got "a -> b -> a"). Remove one of the dependencies.');
    });

    it('GIVEN a cycle through three workloads, a job among them WHEN specified THEN the whole cycle is named', () => {
      const sys = shop();
      const later: Dependency[] = [];
      const seed = new Job(sys, 'seed', { image: NGINX, dependsOn: later });
      const api = new Service(sys, 'api', { image: NGINX, dependsOn: [Dependency.completed(seed)] });
      const web = new Service(sys, 'web', { image: NGINX, dependsOn: [Dependency.started(api)] });
      later.push(Dependency.started(web));
      expect(validationErrorOf(sys).message).toBe('shop/api dependsOn: dependency cycle (got "api -> seed -> web -> api"). Remove one of the dependencies.');
    });

    it.each<[string, (sys: System, deps: Dependency[], nets: Network[], web: Service) => void, string]>([
      [
        'the workload itself',
        (_sys, deps, _nets, web) => deps.push(Dependency.started(web)),
        'shop/web dependsOn[0]: a workload cannot depend on itself (got "web"). Remove the dependency.',
      ],
      [
        'a service that should complete',
        (sys, deps) => deps.push(Dependency.completed(new Service(sys, 'db', { image: NGINX }))),
        'shop/web dependsOn[0]: only a Job can complete (got "db"). Use Dependency.started or Dependency.healthy for a Service.',
      ],
      [
        'a network listed twice',
        (sys, _deps, nets) => {
          const backend = new Network(sys, 'backend');
          nets.push(backend, backend);
        },
        'shop/web networks[1]: network listed twice (got "backend"). List each network once.',
      ],
      [
        'a network name instead of a Network',
        (_sys, _deps, nets) => nets.push('backend' as never),
        'shop/web networks[0]: must be a Network (got "backend"). Create it with new Network(system, name).',
      ],
    ])('GIVEN %s pushed after construction WHEN specified THEN toSpec checks it as the constructor would', (_given, arrange, message) => {
      const sys = shop();
      const deps: Dependency[] = [];
      const nets: Network[] = [];
      const web = new Service(sys, 'web', { image: NGINX, dependsOn: deps, networks: nets });
      arrange(sys, deps, nets, web);
      expect(validationErrorOf(sys).message).toBe(message);
    });
  });

  it('GIVEN several mistakes in different workloads WHEN specified THEN every one is reported, once each', () => {
    const sys = shop();
    const other = new System('other');
    const theirNet = new Network(other, 'backend');
    new Service(sys, 'web', { image: NGINX, ports: [Port.tcp(80).publish(80)], networks: [theirNet] });
    new Service(sys, 'admin', { image: NGINX, ports: [Port.tcp(80).publish(80)], networks: [theirNet] });
    expect(validationErrorOf(sys).message.split('\n')).toEqual([
      'shop/web networks[0]: network belongs to another System (got "other/backend"). Create the network in shop.',
      'shop/admin networks[0]: network belongs to another System (got "other/backend"). Create the network in shop.',
      'shop/web ports[0].hostPort: host port already published by shop/admin (got "80/tcp"). Publish each host port and protocol once in a System.',
    ]);
  });
});
