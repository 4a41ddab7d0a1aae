import { Dependency, HealthCheck, Job, Network, Port, Service, System } from '../../lib/model';
import { modelErrorOf, NGINX, shop, web } from './helpers';

describe('Service', () => {
  it('GIVEN a service with no restart or replicas WHEN specified THEN it restarts always and runs one replica', () => {
    const sys = shop();
    new Service(sys, 'web', { image: NGINX });
    const [spec] = sys.toSpec().services;
    expect([spec.kind, spec.restart, spec.replicas, spec.hostNetwork, spec.dependsOn, spec.suppressions]).toEqual(['service', { policy: 'always' }, 1, false, [], []]);
  });

  it('GIVEN restart unless-stopped and zero replicas WHEN specified THEN both are kept', () => {
    const sys = shop();
    new Service(sys, 'web', { image: NGINX, restart: 'unless-stopped', replicas: 0 });
    const [spec] = sys.toSpec().services;
    expect([spec.restart, spec.replicas]).toEqual([{ policy: 'unless-stopped' }, 0]);
  });

  it('GIVEN dependencies in any order WHEN specified THEN they are sorted by name with kind and condition', () => {
    const sys = shop();
    const migrate = new Job(sys, 'migrate', { image: NGINX });
    const db = new Service(sys, 'db', { image: NGINX, health: HealthCheck.tcp(5432) });
    const cache = new Service(sys, 'cache', { image: NGINX });
    new Service(sys, 'web', { image: NGINX, dependsOn: [Dependency.completed(migrate), Dependency.healthy(db), Dependency.started(cache)] });
    expect(sys.toSpec().services.find((s) => s.name === 'web')?.dependsOn).toEqual([
      { name: 'cache', kind: 'service', condition: 'started' },
      { name: 'db', kind: 'service', condition: 'healthy' },
      { name: 'migrate', kind: 'job', condition: 'completed' },
    ]);
  });

  it('GIVEN suppressed lint rules WHEN specified THEN they are kept, sorted, with their reasons', () => {
    const sys = shop();
    new Service(sys, 'web', { image: NGINX, suppress: { 'lint/unpinned-image': 'pinned by digest upstream', 'lint/no-resource-limits': 'bursty' } });
    expect(sys.toSpec().services[0].suppressions).toEqual([
      { rule: 'lint/no-resource-limits', reason: 'bursty' },
      { rule: 'lint/unpinned-image', reason: 'pinned by digest upstream' },
    ]);
  });

  it('GIVEN host networking WHEN specified THEN the service joins no network', () => {
    const sys = shop();
    new Service(sys, 'web', { image: NGINX, hostNetwork: true });
    const spec = sys.toSpec();
    expect([spec.services[0].hostNetwork, spec.services[0].networks, spec.networks]).toEqual([true, [], []]);
  });

  it.each<[string, object, string]>([
    ['a negative replica count', { replicas: -1 }, 'shop/web replicas: must be a whole number from 0 to 1000 (got -1). Use e.g. 2.'],
    ['a fractional replica count', { replicas: 1.5 }, 'shop/web replicas: must be a whole number from 0 to 1000 (got 1.5). Use e.g. 2.'],
    ['too many replicas', { replicas: 1001 }, 'shop/web replicas: must be a whole number from 0 to 1000 (got 1001). Use e.g. 2.'],
    ['restart sometimes', { restart: 'sometimes' }, "shop/web restart: a service restarts 'always', 'unless-stopped', 'on-failure', 'on-failure:N' (N from 1 to 100) or 'no' (got \"sometimes\"). Write e.g. 'always'."],
    ['restart always:3', { restart: 'always:3' }, "shop/web restart: a service restarts 'always', 'unless-stopped', 'on-failure', 'on-failure:N' (N from 1 to 100) or 'no' (got \"always:3\"). Write e.g. 'always'."],
    [
      'host networking with ports',
      { hostNetwork: true, ports: [Port.tcp(80)] },
      'shop/web ports: a service on the host network listens on host ports directly and declares no ports (got 1). Remove ports or hostNetwork.',
    ],
    ['host networking as a string', { hostNetwork: 'yes' }, 'shop/web hostNetwork: must be true or false (got "yes"). Write hostNetwork: true or leave it out.'],
    ['networks as one network name', { networks: 'backend' }, 'shop/web networks: must be a list of Networks (got "backend"). Write e.g. networks: [backend].'],
    ['a network name instead of a Network', { networks: ['backend'] }, 'shop/web networks[0]: must be a Network (got "backend"). Create it with new Network(system, name).'],
    ['dependsOn as one dependency', { dependsOn: 'db' }, 'shop/web dependsOn: must be a list of Dependency (got "db"). Write e.g. dependsOn: [Dependency.healthy(db)].'],
    [
      'a dependency that is a name',
      { dependsOn: ['db'] },
      'shop/web dependsOn[0]: must be a Dependency on a Service or Job (got "db"). Use Dependency.started(db), .healthy(db) or .completed(job).',
    ],
    [
      'a suppression without a reason',
      { suppress: { 'lint/no-resource-limits': ' ' } },
      "shop/web suppress.lint/no-resource-limits: give the reason for turning the rule off (got \" \"). Write e.g. { 'lint/no-resource-limits': 'sized by the platform' }.",
    ],
  ])('GIVEN %s WHEN the service is created THEN it fails with the exact message', (_given, props, message) => {
    expect(modelErrorOf(() => web(props as never))).toBe(message);
  });

  describe('with other constructs of the System', () => {
    let sys: System;
    let backend: Network;
    let db: Service;
    let migrate: Job;
    beforeEach(() => {
      sys = shop();
      backend = new Network(sys, 'backend');
      db = new Service(sys, 'db', { image: NGINX });
      migrate = new Job(sys, 'migrate', { image: NGINX });
    });

    it.each<[string, () => object, string]>([
      ['one network twice', () => ({ networks: [backend, backend] }), 'shop/web networks[1]: network listed twice (got "backend"). List each network once.'],
      [
        'host networking with networks',
        () => ({ hostNetwork: true, networks: [backend] }),
        'shop/web networks: a workload on the host network cannot join networks (got ["backend"]). Remove networks or hostNetwork.',
      ],
      [
        'a service that should complete',
        () => ({ dependsOn: [Dependency.completed(db)] }),
        'shop/web dependsOn[0]: only a Job can complete (got "db"). Use Dependency.started or Dependency.healthy for a Service.',
      ],
      [
        'a healthy dependency without a health check',
        () => ({ dependsOn: [Dependency.healthy(db)] }),
        'shop/web dependsOn[0]: a healthy dependency needs a health check (got "db"). Give db a health check or use Dependency.started.',
      ],
      [
        'one dependency twice',
        () => ({ dependsOn: [Dependency.started(migrate), Dependency.completed(migrate)] }),
        'shop/web dependsOn[1]: dependency listed twice (got "migrate"). List each dependency once.',
      ],
    ])('GIVEN %s WHEN the service is created THEN it fails with the exact message', (_given, props, message) => {
      expect(modelErrorOf(() => new Service(sys, 'web', { image: NGINX, ...props() }))).toBe(message);
    });

    it('GIVEN a dependency on the service itself (reachable only while it is being built) WHEN created THEN it fails with the exact message', () => {
      const props = {
        image: NGINX,
        get dependsOn() {
          return [Dependency.started(sys.node.findChild('web') as Service)];
        },
      };
      expect(modelErrorOf(() => new Service(sys, 'web', props))).toBe('shop/web dependsOn[0]: a workload cannot depend on itself (got "web"). Remove the dependency.');
    });
  });

  describe('names', () => {
    it.each<[string, string, string]>([
      ['uppercase letters', 'Web', 'web'],
      ['an underscore', 'web_server', 'web-server'],
      ['64 characters', 'w'.repeat(64), 'w'.repeat(63)],
    ])('GIVEN a service name with %s WHEN created THEN it fails with the rule and a suggested name', (_given, id, suggestion) => {
      expect(modelErrorOf(() => new Service(shop(), id, { image: NGINX }))).toBe(
        `shop/${id} name: service name must be at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (got ${JSON.stringify(id)}). Rename it, e.g. ${JSON.stringify(suggestion)}.`,
      );
    });

    it.each<[string, (sys: System) => unknown]>([
      ['a second service', (sys) => new Service(sys, 'web', { image: NGINX })],
      ['a job', (sys) => new Job(sys, 'web', { image: NGINX })],
      ['a network', (sys) => new Network(sys, 'web')],
    ])('GIVEN a service named web WHEN %s named web is created THEN it fails with the exact message', (_given, make) => {
      const sys = shop();
      new Service(sys, 'web', { image: NGINX });
      expect(modelErrorOf(() => make(sys))).toBe('shop/web name: name already used in this scope (got "web"). Give each service, job, network, volume and secret its own name.');
    });
  });
});
