import { ConfigFile, Dependency, HealthCheck, Image, Job, Mount, Network, Port, Secret, Service, Volume } from '../../lib/model';
import { CLEAN, lintOf, only, sys } from './lint-kit';

describe('lint rules from Docker best practices', () => {
  test('GIVEN a service that follows every rule WHEN linted THEN nothing is found', () => {
    const s = sys();
    new Service(s, 'web', CLEAN);
    expect(lintOf(s)).toEqual([]);
  });

  describe('lint/no-resource-limits', () => {
    test('GIVEN no resources at all THEN one warning names both limits', () => {
      const s = sys();
      new Service(s, 'web', { ...CLEAN, resources: undefined });
      const d = only(s, 'lint/no-resource-limits');
      expect(d).toEqual({
        code: 'lint/no-resource-limits',
        severity: 'warning',
        path: 'shop/web resources',
        message: 'no memory limit (--memory) and no CPU limit (--cpus): one container can starve the others',
        fix: "Set resources: { memory: '256m', cpus: 0.5 } to what it needs.",
      });
    });

    test('GIVEN only CPU shares and a memory limit on a sidecar THEN the sidecar is named with the missing CPU limit', () => {
      const s = sys();
      const web = new Service(s, 'web', CLEAN);
      web.addSidecar('shipper', { image: Image.of('busybox:1.36'), security: CLEAN.security, resources: { memory: '32m', cpuShares: 128 }, logging: { maxSize: '1m' } });
      const d = only(s, 'lint/no-resource-limits');
      expect([d.path, d.message]).toEqual(['shop/web/shipper resources', 'no CPU limit (--cpus): one container can starve the others']);
      expect(d.fix).toBe('Set resources: { cpus: 0.5 } to what it needs, beside the limit it has.');
    });
  });

  describe('lint/unpinned-image', () => {
    test.each([
      ['nginx', '"nginx" has no tag, so it means latest: each pull may run different code'],
      ['nginx:latest', '"nginx:latest" is tagged latest: each pull may run different code'],
    ])('GIVEN image %s THEN a warning', (ref, message) => {
      const s = sys();
      new Service(s, 'web', { ...CLEAN, image: Image.of(ref) });
      const d = only(s, 'lint/unpinned-image');
      expect([d.path, d.message]).toEqual(['shop/web image', message]);
      expect(d.fix).toBe("Pin a version, e.g. Image.of('nginx:1.2.3'), or a digest (nginx@sha256:...).");
    });

    test('GIVEN a digest, even with latest, or a built image THEN the image counts as pinned', () => {
      const s = sys();
      new Service(s, 'a', { ...CLEAN, image: Image.of(`nginx:latest@sha256:${'a'.repeat(64)}`) });
      new Service(s, 'b', { ...CLEAN, image: Image.of(`nginx@sha256:${'b'.repeat(64)}`) });
      new Service(s, 'c', { ...CLEAN, image: Image.build({ context: 'apps/devbox', tag: 'devbox/devbox' }) });
      expect(lintOf(s)).toEqual([]);
    });
  });

  describe('lint/secret-in-env', () => {
    test('GIVEN a literal password THEN the warning names the variable and never prints the value', () => {
      const s = sys();
      new Service(s, 'db', { ...CLEAN, env: { POSTGRES_PASSWORD: 'hunter2', POSTGRES_DB: 'shop' } });
      const d = only(s, 'lint/secret-in-env');
      expect(d.path).toBe('shop/db env.POSTGRES_PASSWORD');
      expect(d.message).toBe('a literal value under a secret-looking name ends up in every rendered file (value not shown)');
      expect(d.fix).toBe("Move it to secretEnv: { POSTGRES_PASSWORD: new Secret(system, '...') }, or suppress 'lint/secret-in-env' if it is not secret.");
      expect(JSON.stringify(d)).not.toContain('hunter2');
    });

    test.each(['API_KEY', 'GITHUB_TOKEN', 'APP_SECRET', 'DB_PASSWD', 'client_secret', 'AWS_SECRET_ACCESS_KEY', 'MYSQL_ROOT_PASSWORD'])(
      'GIVEN %s with a literal value THEN it looks secret',
      (name) => {
        const s = sys();
        new Service(s, 'web', { ...CLEAN, env: { [name]: 'x1' } });
        expect(only(s, 'lint/secret-in-env').path).toBe(`shop/web env.${name}`);
      },
    );

    test('GIVEN a URL with a password under an innocent name THEN it is found, without the value', () => {
      const s = sys();
      new Service(s, 'web', { ...CLEAN, env: { DATABASE: 'postgres://shop:hunter2@db:5432/shop' } });
      const d = only(s, 'lint/secret-in-env');
      expect(d.message).toBe('a URL with a literal password ends up in every rendered file (value not shown)');
      expect(JSON.stringify(d)).not.toContain('hunter2');
    });

    test('GIVEN names that point at a secret, empty values, or harmless names THEN nothing is found', () => {
      const s = sys();
      const pw = new Secret(s, 'pw');
      new Service(s, 'web', {
        ...CLEAN,
        env: { POSTGRES_PASSWORD_FILE: '/run/secrets/pw', KEYCLOAK_URL: 'http://kc', MONKEY: 'banana', API_KEY: '', PWD: '/app', REDIS_URL: 'redis://cache:6379' },
        secretEnv: { POSTGRES_PASSWORD: pw },
      });
      expect(lintOf(s)).toEqual([]);
    });
  });

  describe('lint/privileged and lint/host-network', () => {
    test('GIVEN a privileged container THEN a warning on its privileged prop', () => {
      const s = sys();
      new Service(s, 'web', { ...CLEAN, privileged: true });
      expect(only(s, 'lint/privileged')).toMatchObject({ path: 'shop/web privileged', message: 'the container runs privileged: it has full access to the host and its devices' });
    });

    test('GIVEN a job on the host network THEN a warning on its hostNetwork prop', () => {
      const s = sys();
      new Job(s, 'probe', { ...CLEAN, health: undefined, hostNetwork: true });
      expect(only(s, 'lint/host-network')).toMatchObject({
        path: 'shop/probe hostNetwork',
        message: "the workload uses the host's network stack: it joins no network and every port it opens is open on the host",
      });
    });
  });

  describe('lint/no-log-limit', () => {
    test('GIVEN a container without logging THEN a warning on its logging prop', () => {
      const s = sys();
      new Service(s, 'web', { ...CLEAN, logging: undefined });
      expect(only(s, 'lint/no-log-limit')).toMatchObject({ path: 'shop/web logging', fix: "Set logging: { maxSize: '10m', maxFiles: 3 }." });
    });
  });

  describe('lint/database-port-published', () => {
    test.each([
      [Port.tcp(5432).publish(5432), 'port 5432 (PostgreSQL) is published on host port 5432: anyone who reaches the host reaches the database'],
      [Port.tcp(27017).publish(), 'port 27017 (MongoDB) is published on a host port: anyone who reaches the host reaches the database'],
    ])('GIVEN %j THEN a warning on that port', (port, message) => {
      const s = sys();
      new Service(s, 'db', { ...CLEAN, ports: [Port.http(80), port] });
      const d = only(s, 'lint/database-port-published');
      expect([d.path, d.message]).toEqual(['shop/db ports[1]', message]);
      expect(d.fix).toMatch(/^Drop \.publish\(\): services on a shared network reach it as db:\d+; or bind it to the host's loopback \((publish\(\d+, \{ hostIp: '127\.0\.0\.1' \}\)|publish with \{ hostIp: '127\.0\.0\.1' \})\)\.$/);
    });

    test('GIVEN a database port bound to the host loopback THEN nothing is found: only the host reaches it', () => {
      const s = sys();
      new Service(s, 'db', { ...CLEAN, ports: [Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1' })] });
      expect(lintOf(s)).toEqual([]);
    });

    test('GIVEN database ports reachable by name only THEN nothing is found', () => {
      const s = sys();
      new Service(s, 'db', { ...CLEAN, ports: [Port.tcp(5432), Port.tcp(6379), Port.tcp(3306)] });
      expect(lintOf(s)).toEqual([]);
    });
  });

  describe('a healthy dependency without a health check', () => {
    test('GIVEN the same through the model THEN the constructor already rejects it', () => {
      const s = sys();
      const db = new Service(s, 'db', { ...CLEAN, health: undefined });
      expect(() => new Service(s, 'web', { ...CLEAN, dependsOn: [Dependency.healthy(db)] })).toThrow('shop/web dependsOn[0]: a healthy dependency needs a health check');
    });
  });

  describe('lint/fixed-port-replicas (an error, Compose only)', () => {
    test('GIVEN two replicas on a fixed host port WHEN Compose is a target THEN an error for compose', () => {
      const s = sys();
      new Service(s, 'web', { ...CLEAN, replicas: 2, ports: [Port.http(80).publish(8080)] });
      expect(only(s, 'lint/fixed-port-replicas', { targets: ['compose', 'kubernetes'] })).toEqual({
        code: 'lint/fixed-port-replicas',
        severity: 'error',
        path: 'shop/web ports[0]',
        target: 'compose',
        message: '2 replicas cannot all publish host port 8080 with docker compose up',
        fix: "Publish a dynamic port (Port.http(80).publish()), or run one replica; for a swarm, whose routing mesh shares the port, use lading synth --target swarm.",
      });
    });

    test('GIVEN the same WHEN only Kubernetes and ECS are rendered THEN nothing is found', () => {
      const s = sys();
      new Service(s, 'web', { ...CLEAN, replicas: 2, ports: [Port.tcp(80).publish(8080)] });
      expect(lintOf(s, { targets: ['kubernetes', 'ecs'] })).toEqual([]);
    });

    test('GIVEN a dynamic port or one replica THEN nothing is found', () => {
      const s = sys();
      new Service(s, 'a', { ...CLEAN, replicas: 3, ports: [Port.tcp(80).publish()] });
      new Service(s, 'b', { ...CLEAN, replicas: 1, ports: [Port.tcp(80).publish(8081)] });
      expect(lintOf(s)).toEqual([]);
    });
  });

  describe('lint/unused-declaration', () => {
    test('GIVEN a network, a volume, a secret and a config file that no workload uses THEN one warning each, at its path', () => {
      // GIVEN
      const s = sys();
      new Network(s, 'backend', { internal: true });
      new Volume(s, 'data');
      new Secret(s, 'token');
      new Secret(s, 'kept', { existingName: 'prod-kept' });
      new ConfigFile(s, 'conf', { content: 'level = debug' });
      new Service(s, 'web', CLEAN);
      // WHEN
      const found = lintOf(s);
      // THEN
      expect(found.map((d) => [d.code, d.severity, d.path, `${d.message}. ${d.fix}`])).toEqual([
        ['lint/unused-declaration', 'warning', 'shop/backend', 'network backend is joined by no workload: it connects nothing and keeps nothing apart. List it in the networks of the workloads that should reach each other, or remove it.'],
        ['lint/unused-declaration', 'warning', 'shop/conf', 'config file conf is mounted by no workload. Mount it in the workload that reads it (Mount.config), or remove it.'],
        ['lint/unused-declaration', 'warning', 'shop/data', 'volume data is mounted by no workload, yet it is created (a Kubernetes claim, an EFS file system on ECS). Mount it in the workload that keeps its data there (Mount.volume), or remove it.'],
        ['lint/unused-declaration', 'warning', 'shop/kept', 'secret kept is used by no workload (secretEnv, Mount.secret or image credentials). Use it in a workload, or remove it.'],
        ['lint/unused-declaration', 'warning', 'shop/token', 'secret token is used by no workload (secretEnv, Mount.secret or image credentials), yet ECS creates it in Secrets Manager. Use it in a workload, or remove it.'],
      ]);
    });

    test('GIVEN each used once (a job on the network, a mount of a sidecar, env, a secret file, image credentials, a config mount) THEN nothing is found', () => {
      const s = sys();
      const backend = new Network(s, 'backend', { internal: true });
      const data = new Volume(s, 'data');
      const env = new Secret(s, 'env');
      const file = new Secret(s, 'file');
      const pull = new Secret(s, 'pull');
      const conf = new ConfigFile(s, 'conf', { content: 'level = debug' });
      new Job(s, 'migrate', { ...CLEAN, health: undefined, networks: [backend], secretEnv: { TOKEN: env } });
      const web = new Service(s, 'web', { ...CLEAN, image: Image.of('ghcr.io/shop/web:1.0', { credentials: pull }), mounts: [Mount.secret(file, '/run/secrets/file'), Mount.config(conf, '/etc/app.conf')] });
      web.addSidecar('backup', { ...CLEAN, health: undefined, mounts: [Mount.volume(data, '/data')] });
      expect(lintOf(s)).toEqual([]);
    });
  });

  test('GIVEN a health check on a job THEN rules that need none stay quiet', () => {
    const s = sys();
    new Job(s, 'migrate', { ...CLEAN, health: HealthCheck.command(['true']) });
    expect(lintOf(s)).toEqual([]);
  });
});
