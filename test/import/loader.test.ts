import type { ComposeImport } from '../../lib/import/compose';
import type { JobSpec, ServiceSpec, SystemSpec } from '../../lib/model/spec';
import { composeText, importCorpus, importText } from './support/import-kit';

function spec(imported: ComposeImport): SystemSpec {
  if (!imported.system) throw new Error(JSON.stringify(imported.diagnostics, null, 2));
  return imported.system.toSpec();
}
const service = (s: SystemSpec, name: string): ServiceSpec => s.services.find((w) => w.name === name) as ServiceSpec;
const job = (s: SystemSpec, name: string): JobSpec => s.jobs.find((w) => w.name === name) as JobSpec;
const codes = (imported: ComposeImport): string[] => imported.diagnostics.map((d) => `${d.code} ${d.keyPath}`);

describe('loading a Compose file into the model', () => {
  test('GIVEN interpolation from .env beside the file WHEN the environment given sets a variable too THEN the environment wins, as a secret unless allowed by name', () => {
    expect(service(spec(importCorpus('wordpress-mysql')), 'db').main.env.MYSQL_DATABASE).toBe('blog');
    const allowed = spec(importCorpus('wordpress-mysql', { env: { MYSQL_DATABASE: 'shop' }, allowHostVariables: ['MYSQL_DATABASE'] }));
    expect(service(allowed, 'db').main.env.MYSQL_DATABASE).toBe('shop');
    const fromHost = spec(importCorpus('wordpress-mysql', { env: { MYSQL_DATABASE: 'shop' } }));
    expect(service(fromHost, 'db').main.env.MYSQL_DATABASE).toBeUndefined();
    expect(service(fromHost, 'db').main.secretEnv.find((e) => e.name === 'MYSQL_DATABASE')?.secret).toBe('mysql-database');
    expect(JSON.stringify(fromHost)).not.toContain('shop');
  });

  test('GIVEN secrets read from variables WHEN imported THEN they are Secrets and no value enters the spec', () => {
    const s = spec(importCorpus('wordpress-mysql'));
    expect(s.secrets.map((x) => [x.name, x.envName])).toEqual([
      ['mysql-root-password', 'MYSQL_ROOT_PASSWORD'],
      ['wordpress-db-password', 'WORDPRESS_DB_PASSWORD'],
    ]);
    expect(service(s, 'db').main.secretEnv).toEqual([
      { name: 'MYSQL_PASSWORD', secret: 'wordpress-db-password' },
      { name: 'MYSQL_ROOT_PASSWORD', secret: 'mysql-root-password' },
    ]);
    expect(JSON.stringify(s)).not.toContain('change-me');
  });

  test('GIVEN env_file and environment in list form WHEN imported THEN environment overrides the file, and quotes are read', () => {
    const api = service(spec(importCorpus('nginx-api-mongo')), 'api');
    expect(api.main.env).toEqual({ FEATURE_FLAGS: 'search,cart', MONGO_URL: 'mongodb://mongo:27017/shop', NODE_ENV: 'production', PORT: '3000', SESSION_TTL: '3600' });
  });

  test('GIVEN deploy resources, replicas and a build WHEN imported THEN they are the service\'s', () => {
    const s = spec(importCorpus('nginx-api-mongo'));
    const api = service(s, 'api');
    expect(api.replicas).toBe(3);
    expect(api.main.resources).toEqual({ memoryBytes: 256 * 1024 ** 2, memoryReservationBytes: 128 * 1024 ** 2, cpuMillis: 500 });
    expect(api.main.image).toEqual({ kind: 'build', ref: 'registry.example.com/shop/api:2.3.1', repository: 'registry.example.com/shop/api', tag: '2.3.1', context: 'api', dockerfile: 'Dockerfile', args: { NODE_ENV: 'production' } });
    expect(service(s, 'mongo').main.resources).toEqual({ cpuShares: 512 });
    expect(service(s, 'proxy').main.ports).toEqual([
      { containerPort: 80, protocol: 'tcp', appProtocol: 'http', publish: 'fixed', hostPort: 8080, name: 'http-80' },
      { containerPort: 443, protocol: 'tcp', publish: 'fixed', hostPort: 8443, name: 'tcp-443' },
    ]);
    expect(service(s, 'proxy').restart).toEqual({ policy: 'unless-stopped' });
  });

  test('GIVEN the older mem_limit, mem_reservation, cpus and cpu_shares WHEN imported THEN they are the resources', () => {
    const app = service(spec(importCorpus('jobs-and-sidecars')), 'app');
    expect(app.main.resources).toEqual({ memoryBytes: 768 * 1024 ** 2, memoryReservationBytes: 256 * 1024 ** 2, cpuShares: 768, cpuMillis: 750 });
  });

  test('GIVEN both deploy limits and mem_limit that differ WHEN imported THEN deploy wins and the other is reported', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    mem_limit: 1g\n    deploy:\n      resources:\n        limits:\n          memory: 512m\n');
    expect(service(spec(imported), 'web').main.resources).toEqual({ memoryBytes: 512 * 1024 ** 2 });
    expect(codes(imported)).toEqual(['import/unsupported-value services.web.mem_limit']);
  });

  test('GIVEN restart no and on-failure WHEN imported THEN those services are Jobs, and a dependency on completion is kept', () => {
    const s = spec(importCorpus('jobs-and-sidecars'));
    expect(s.jobs.map((j) => [j.name, j.restart])).toEqual([
      ['backup', { policy: 'no' }],
      ['migrate', { policy: 'on-failure', maxRetries: 3 }],
      ['seed', { policy: 'no' }],
    ]);
    expect(service(s, 'app').dependsOn).toEqual([{ name: 'migrate', kind: 'job', condition: 'completed' }]);
    expect(job(s, 'seed').main.command).toEqual(['billing', 'seed', '--demo']);
  });

  test('GIVEN a Swarm worker restarted on-failure by deploy.restart_policy, and a restart no service with replicas WHEN imported THEN both are Services; condition none stays a Job', () => {
    const s = spec(
      importText(
        'services:\n  worker:\n    image: w:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3\n' +
          '  pool:\n    image: w:1\n    restart: "no"\n    deploy:\n      replicas: 3\n' +
          '  migrate:\n    image: m:1\n    deploy:\n      restart_policy:\n        condition: none\n',
      ),
    );
    expect(s.services.map((w) => [w.name, w.restart, w.replicas])).toEqual([
      ['pool', { policy: 'no' }, 3],
      ['worker', { policy: 'on-failure', maxRetries: 3 }, 1],
    ]);
    expect(s.jobs.map((j) => j.name)).toEqual(['migrate']);
  });

  test('GIVEN volumes_from of a service whose network it does not join WHEN imported THEN it mounts that service\'s volumes and binds at the same paths, its own mount of a path wins, and a chain is followed', () => {
    const s = spec(
      importText(
        'services:\n  proxy:\n    image: nginx:1.27\n    restart: always\n    volumes: ["certs:/etc/nginx/certs:ro", "conf:/etc/nginx/conf.d", "/var/run/docker.sock:/tmp/docker.sock:ro"]\n    tmpfs: ["/run"]\n' +
          '  acme:\n    image: acme:1\n    restart: always\n    volumes_from: ["proxy"]\n    volumes: ["certs:/etc/nginx/certs:rw"]\n' +
          '  gen:\n    image: gen:1\n    restart: always\n    volumes_from: ["acme:ro"]\n' +
          'volumes:\n  certs: {}\n  conf: {}\n',
      ),
    );
    const mounts = (name: string) => service(s, name).main.mounts.map((m) => [m.kind === 'bind' ? m.source : m.kind === 'volume' ? m.volume : m.kind, m.target, m.readOnly]);
    expect(mounts('acme')).toEqual([
      ['certs', '/etc/nginx/certs', false],
      ['conf', '/etc/nginx/conf.d', false],
      ['/var/run/docker.sock', '/tmp/docker.sock', true],
    ]);
    expect(mounts('gen')).toEqual([
      ['certs', '/etc/nginx/certs', true],
      ['conf', '/etc/nginx/conf.d', true],
      ['/var/run/docker.sock', '/tmp/docker.sock', true],
    ]);
  });

  test('GIVEN deploy.mode global, with replicas, and a job mode WHEN imported THEN the agent is a global Service, and replicas and the job mode are reported as left out', () => {
    const imported = importText(
      'services:\n  agent:\n    image: prom/node-exporter:v1.8.0\n    deploy:\n      mode: global\n      replicas: 2\n  once:\n    image: busybox:1.36\n    restart: "no"\n    deploy:\n      mode: replicated-job\n',
    );
    const s = spec(imported);
    expect([service(s, 'agent').global, service(s, 'agent').replicas, service(s, 'agent').restart]).toEqual([true, 1, { policy: 'always' }]);
    expect(s.jobs.map((j) => j.name)).toEqual(['once']);
    expect(imported.diagnostics.filter((d) => d.code === 'import/unsupported-value').map((d) => `${d.keyPath}: ${d.message}`)).toEqual([
      'services.agent.deploy.replicas: a global service runs one copy per node: replicas is left out, as Swarm refuses it.',
      "services.once.deploy.mode: mode replicated-job has no equivalent: the service's restart policy says whether it is a long-running service or a one-shot job.",
    ]);
  });

  test('GIVEN extra_hosts as a list (host:address, host=address, [IPv6]) and as a mapping WHEN imported THEN each service keeps them, and a second address of a host is reported', () => {
    const imported = importText(
      'services:\n  prometheus:\n    image: prom/prometheus:v2.53.0\n    restart: always\n    extra_hosts: ["host.docker.internal:host-gateway", "db.internal=10.0.0.5", "v6.internal:[::1]", "db.internal:10.0.0.6"]\n' +
        '  mongo:\n    image: mongo:7.0\n    restart: always\n    extra_hosts:\n      mongo1: 10.0.0.7\n',
    );
    const s = spec(imported);
    expect(service(s, 'prometheus').extraHosts).toEqual({ 'db.internal': '10.0.0.5', 'host.docker.internal': 'host-gateway', 'v6.internal': '::1' });
    expect(service(s, 'mongo').extraHosts).toEqual({ mongo1: '10.0.0.7' });
    expect(imported.diagnostics.filter((d) => d.code === 'import/unsupported-value').map((d) => `${d.keyPath}: ${d.message}`)).toEqual([
      'services.prometheus.extra_hosts[3]: db.internal already maps to 10.0.0.5: the model keeps one address per host, so 10.0.0.6 is left out.',
    ]);
  });

  test('GIVEN extra_hosts with an address left empty by an unset variable, and a host with two addresses in mapping form WHEN imported THEN the valid ones are kept and each other is reported', () => {
    const imported = importText(
      'services:\n  app:\n    image: app:1\n    restart: always\n    extra_hosts:\n      gateway: ${GATEWAY_IP:-}\n      db: ["10.0.0.5", "10.0.0.6"]\n',
    );
    expect(service(spec(imported), 'app').extraHosts).toEqual({ db: '10.0.0.5' });
    expect(imported.diagnostics.filter((d) => d.code === 'import/unsupported-value').map((d) => `${d.keyPath}: ${d.message}`)).toEqual([
      'services.app.extra_hosts.gateway: "gateway:" is not a host name and an IP address (or host-gateway): it is left out.',
      'services.app.extra_hosts.db[1]: db already maps to 10.0.0.5: the model keeps one address per host, so 10.0.0.6 is left out.',
    ]);
  });

  test('GIVEN ulimits as numbers, as soft and hard, and an unknown name WHEN imported THEN the service keeps the limits, and the unknown one is reported', () => {
    const imported = importText('services:\n  es:\n    image: elasticsearch:8.14.0\n    restart: always\n    ulimits:\n      nproc: 65535\n      memlock:\n        soft: -1\n        hard: -1\n      files: 10\n');
    expect(service(spec(imported), 'es').ulimits).toEqual({ memlock: { soft: -1, hard: -1 }, nproc: { soft: 65535, hard: 65535 } });
    expect(imported.diagnostics.filter((d) => d.code === 'import/unsupported-value').map((d) => `${d.keyPath}: ${d.message}`)).toEqual([
      'services.es.ulimits.files: files is not a resource limit Docker sets: it is left out.',
    ]);
  });

  test('GIVEN devices as host paths and a CDI name WHEN imported THEN the service keeps the paths, and the CDI name is reported', () => {
    const imported = importText('services:\n  jellyfin:\n    image: jellyfin/jellyfin:10.9.7\n    restart: always\n    devices: ["/dev/dri:/dev/dri", "/dev/net/tun", "nvidia.com/gpu=all"]\n');
    expect(service(spec(imported), 'jellyfin').devices?.map((d) => d.hostPath)).toEqual(['/dev/dri', '/dev/net/tun']);
    expect(imported.diagnostics.filter((d) => d.code === 'import/unsupported-value').map((d) => `${d.keyPath}: ${d.message}`)).toEqual([
      'services.jellyfin.devices[2]: device "nvidia.com/gpu=all" is not a host path (a CDI device name is not): it is left out.',
    ]);
  });

  test('GIVEN a sidecar that depends on the service it joins, and one that depends on another service WHEN imported THEN only the second dependency is reported as left out', () => {
    const imported = importText(
      'services:\n  vpn:\n    image: qmcgaw/gluetun:v3\n    restart: always\n  db:\n    image: postgres:16\n    restart: always\n' +
        '  torrent:\n    image: qbittorrent:1\n    restart: always\n    network_mode: service:vpn\n    depends_on:\n      vpn:\n        condition: service_healthy\n' +
        '  indexer:\n    image: prowlarr:1\n    restart: always\n    network_mode: service:vpn\n    depends_on: [torrent, db]\n',
    );
    expect(imported.diagnostics.filter((d) => d.code === 'import/sidecar-key').map((d) => d.keyPath)).toEqual(['services.indexer.depends_on']);
  });

  test('GIVEN pid host and pid of another service WHEN imported THEN the first shares the host\'s process namespace, and the second is reported', () => {
    const imported = importText(
      'services:\n  node-exporter:\n    image: prom/node-exporter:v1.8.0\n    restart: always\n    pid: host\n  debug:\n    image: busybox:1.36\n    restart: always\n    pid: "service:node-exporter"\n',
    );
    const s = spec(imported);
    expect([service(s, 'node-exporter').hostPid, service(s, 'debug').hostPid]).toEqual([true, undefined]);
    expect(imported.diagnostics.filter((d) => d.code === 'import/unsupported-value').map((d) => `${d.keyPath}: ${d.message}`)).toEqual([
      "services.debug.pid: pid service:node-exporter has no equivalent: only the host's process namespace can be shared, so service:node-exporter is left out.",
    ]);
  });

  test('GIVEN group_add with a name and a gid WHEN imported THEN they are the security groups', () => {
    const s = spec(importText('services:\n  jellyfin:\n    image: jellyfin/jellyfin:10.9.7\n    restart: always\n    group_add: [render, 109]\n'));
    expect(service(s, 'jellyfin').main.security.groups).toEqual(['render', '109']);
  });

  test('GIVEN dns as one server, as a list, and an empty entry WHEN imported THEN the servers are kept in order and the empty one is reported', () => {
    const imported = importText('services:\n  a:\n    image: a:1\n    restart: always\n    dns: 127.0.0.1\n  b:\n    image: b:1\n    restart: always\n    dns: ["1.1.1.1", "${DNS2:-}", "9.9.9.9"]\n');
    const s = spec(imported);
    expect([service(s, 'a').dns, service(s, 'b').dns]).toEqual([{ servers: ['127.0.0.1'] }, { servers: ['1.1.1.1', '9.9.9.9'] }]);
    expect(imported.diagnostics.filter((d) => d.code === 'import/unsupported-value').map((d) => d.keyPath)).toEqual(['services.b.dns[1]']);
  });

  test('GIVEN network_mode service:X, with and without volumes_from WHEN imported THEN they are sidecars of X', () => {
    const app = service(spec(importCorpus('jobs-and-sidecars')), 'app');
    expect(app.sidecars.map((c) => [c.name, c.volumesFrom, c.mounts.map((m) => m.target)])).toEqual([
      ['log-shipper', true, ['/var/log/billing', '/srv/billing/tmp', '/run']],
      ['metrics', false, []],
    ]);
    expect(app.main.ports).toEqual([{ containerPort: 8080, protocol: 'tcp', publish: 'dynamic', name: 'tcp-8080' }]);
  });

  test('GIVEN a command and an entrypoint written as strings WHEN imported THEN they are split into words as Compose splits them', () => {
    const app = service(spec(importCorpus('jobs-and-sidecars')), 'app');
    expect(app.main.entrypoint).toEqual(['/usr/local/bin/docker-entrypoint.sh']);
    expect(app.main.command).toEqual(['serve', '--bind', '0.0.0.0:8080', '--greeting', 'hello world']);
    expect(app.main.security.user).toBe('10001:10001');
    expect(app.main.workingDir).toBe('/srv/billing');
  });

  test('GIVEN health checks as a string, CMD and CMD-SHELL WHEN imported THEN they are shell and exec checks with their timing', () => {
    const s = spec(importCorpus('multi-network-secrets'));
    expect(service(s, 'edge').main.health).toEqual({ kind: 'command', command: ['traefik', 'healthcheck', '--ping'], shell: false, intervalSeconds: 15, timeoutSeconds: 3, retries: 3, startPeriodSeconds: 0 });
    expect(service(s, 'db').main.health).toEqual({ kind: 'command', command: ['pg_isready -U postgres -d ledger'], shell: true, intervalSeconds: 10, timeoutSeconds: 5, retries: 5, startPeriodSeconds: 20 });
    const app = service(spec(importCorpus('jobs-and-sidecars')), 'app');
    expect(app.main.health).toEqual({ kind: 'command', command: ['wget -qO- http://127.0.0.1:8080/healthz'], shell: true, intervalSeconds: 90, timeoutSeconds: 3, retries: 3, startPeriodSeconds: 0 });
  });

  test('GIVEN depends_on in list and map form WHEN imported THEN each dependency keeps its condition', () => {
    const s = spec(importCorpus('multi-network-secrets'));
    expect(service(s, 'app').dependsOn).toEqual([
      { name: 'cache', kind: 'service', condition: 'started' },
      { name: 'db', kind: 'service', condition: 'healthy' },
    ]);
    expect(service(spec(importCorpus('prometheus-grafana')), 'grafana').dependsOn).toEqual([{ name: 'prometheus', kind: 'service', condition: 'started' }]);
  });

  test('GIVEN networks, an internal one, and Compose secrets WHEN imported THEN networks keep internal and secrets become files', () => {
    const s = spec(importCorpus('multi-network-secrets'));
    expect(s.networks.map((n) => [n.name, n.internal, n.members])).toEqual([
      ['private', true, ['app', 'cache', 'db']],
      ['public', false, ['app', 'edge']],
    ]);
    expect(s.options.compose.secrets).toBe('files');
    // db_password is read from its file (DB_PASSWORD_FILE=/run/secrets/db_password), so it stays a file there
    expect(service(s, 'app').main.secretEnv).toEqual([{ name: 'API_KEY', secret: 'api-key' }]);
    expect(service(s, 'app').main.files.map((f) => [f.kind, f.source, f.target])).toEqual([['secret', 'db-password', '/run/secrets/db_password']]);
  });

  test('GIVEN external secrets WHEN imported THEN the existing name is kept, with a Kubernetes name of its own where it cannot name a Kubernetes Secret', () => {
    // GIVEN `external: true` with `name: traefik_users`, and Swarm's `external: { name: smtp_password.v2 }`
    const imported = importCorpus('external-resources');
    expect(spec(imported).secrets).toEqual([
      {
        name: 'smtp-password',
        path: 'intranet/smtp-password',
        envName: 'SMTP_PASSWORD',
        existingName: { compose: 'smtp_password.v2', docker: 'smtp_password.v2', ecs: 'smtp_password.v2', kubernetes: 'smtp-password.v2', swarm: 'smtp_password.v2' },
        key: 'value',
      },
      {
        name: 'traefik-users',
        path: 'intranet/traefik-users',
        envName: 'TRAEFIK_USERS',
        existingName: { compose: 'traefik_users', docker: 'traefik_users', ecs: 'traefik_users', kubernetes: 'traefik-users', swarm: 'traefik_users' },
        key: 'value',
      },
      { name: 'wiki-db-password', path: 'intranet/wiki-db-password', envName: 'WIKI_DB_PASSWORD', existingName: { compose: 'wiki-db-password-v2', docker: 'wiki-db-password-v2', ecs: 'wiki-db-password-v2', kubernetes: 'wiki-db-password-v2', swarm: 'wiki-db-password-v2' }, key: 'value' },
    ]);
    expect(Object.fromEntries(imported.plan.secrets.map((s) => [s.id, s.existingName]))).toEqual({
      'wiki-db-password': 'wiki-db-password-v2',
      'traefik-users': { default: 'traefik_users', kubernetes: 'traefik-users' },
      'smtp-password': { default: 'smtp_password.v2', kubernetes: 'smtp-password.v2' },
    });
  });

  test('GIVEN profiles WHEN none, one or all are chosen THEN only the services of active profiles are imported', () => {
    const names = (i: ComposeImport) => [...spec(i).services, ...spec(i).jobs].map((w) => w.name).sort();
    expect(names(importCorpus('extends-profiles'))).toEqual(['base-worker', 'emails', 'queue', 'reports']);
    expect(names(importCorpus('extends-profiles', { profiles: ['mail'] }))).toEqual(['base-worker', 'emails', 'mailcatcher', 'queue', 'reports']);
    expect(names(importCorpus('extends-profiles', { profiles: ['*'] }))).toEqual(['adminer', 'base-worker', 'emails', 'mailcatcher', 'queue', 'reports']);
    expect(names(importCorpus('extends-profiles', { env: { COMPOSE_PROFILES: 'debug' } }))).toEqual(['adminer', 'base-worker', 'emails', 'mailcatcher', 'queue', 'reports']);
  });

  test('GIVEN extends and merge keys WHEN imported THEN mappings merge, lists append and commands replace', () => {
    const s = spec(importCorpus('extends-profiles'));
    expect(service(s, 'emails').main.env).toEqual({ CONCURRENCY: '2', QUEUE_NAME: 'emails', QUEUE_URL: 'amqp://queue:5672' });
    expect(service(s, 'reports').main.env).toEqual({ CONCURRENCY: '4', QUEUE_NAME: 'reports', QUEUE_URL: 'amqp://queue:5672' });
    expect(service(s, 'reports').main.command).toEqual(['worker', '--queue', 'reports']);
    expect(service(s, 'emails').restart).toEqual({ policy: 'unless-stopped' });
    expect(service(s, 'emails').main.logging).toEqual({ maxSizeBytes: 5 * 1024 ** 2, maxFiles: 3 });
    expect(service(s, 'emails').dependsOn).toEqual([{ name: 'queue', kind: 'service', condition: 'started' }]);
  });

  test('GIVEN long-syntax ports and volumes WHEN imported THEN ranges expand, every mount kind is kept, the local bind volume is its host path, and the read-only project folder becomes a config file', () => {
    const gateway = service(spec(importCorpus('long-syntax')), 'gateway');
    expect(gateway.main.ports.map((p) => `${p.hostPort ?? p.publish}:${p.containerPort}/${p.protocol}`)).toEqual([
      '8000:10000/tcp', '9901:9901/tcp', '5000:6000/udp', '5001:6001/udp', 'dynamic:7000/tcp', '8001:8001/tcp',
    ]);
    expect(gateway.main.files).toEqual([{ kind: 'config', source: 'site', target: '/srv/site', mode: 0o444, index: 0 }]);
    expect(gateway.main.mounts).toEqual([
      { kind: 'bind', source: '/mnt/cache', target: '/var/cache/envoy', readOnly: false, inImage: false },
      { kind: 'ephemeral', name: 'tmp', target: '/tmp', tmpfs: true, sizeLimitBytes: 64 * 1024 ** 2, readOnly: false, mode: 0o1777 },
      { kind: 'ephemeral', name: 'scratch', target: '/scratch', tmpfs: false, readOnly: false },
    ]);
    expect(gateway.main.security.capabilities).toEqual({ add: ['NET_ADMIN'], drop: [] });
    expect(gateway.replicas).toBe(2);
  });

  test('GIVEN host networking, privileged and $$ in a command WHEN imported and rendered THEN they are kept, and $$ stays escaped', () => {
    const imported = importCorpus('prometheus-grafana');
    const s = spec(imported);
    expect(service(s, 'node-exporter').hostNetwork).toBe(true);
    expect(service(s, 'node-exporter').main.command?.[2]).toBe('--collector.filesystem.mount-points-exclude=^/(sys|proc|dev|host|etc)($|/)');
    expect(service(s, 'cadvisor').main.privileged).toBe(true);
    expect(s.options.ecs.launchType).toBe('ec2');
    expect(composeText(s)).toContain("- --collector.filesystem.mount-points-exclude=^/(sys|proc|dev|host|etc)($$|/)");
  });

  test('GIVEN a service on the default network and another beside it WHEN imported THEN default becomes an explicit network', () => {
    const imported = importText(
      'services:\n  a:\n    image: nginx:1.27\n    restart: always\n  b:\n    image: nginx:1.27\n    restart: always\n    networks: [default, back]\nnetworks:\n  back: {}\n',
    );
    const s = spec(imported);
    expect(s.networks.map((n) => [n.name, n.members, n.isDefault])).toEqual([
      ['back', ['b'], false],
      ['default-net', ['a', 'b'], false],
    ]);
    expect(codes(imported)).toEqual(['import/renamed services.b.networks[0]']);
  });

  test('GIVEN a service that names only the default network WHEN imported THEN it is on the implicit default network', () => {
    const s = spec(importText('services:\n  a:\n    image: nginx:1.27\n    restart: always\n    networks: [default]\n'));
    expect(s.networks).toEqual([{ name: 'default', path: 'inline/default', internal: false, isDefault: true, members: ['a'] }]);
  });

  test('GIVEN host networking with ports WHEN imported THEN the ports are left out, as Compose ignores them, with a diagnostic', () => {
    const imported = importText('services:\n  a:\n    image: nginx:1.27\n    restart: always\n    network_mode: host\n    ports: ["80:80"]\n');
    expect(service(spec(imported), 'a').main.ports).toEqual([]);
    expect(codes(imported)).toEqual(['import/ecs-ec2 services.a', 'import/unsupported-value services.a.ports']);
  });

  test('GIVEN labels in list form, logging and build args in list form WHEN imported THEN each is kept', () => {
    const s = spec(
      importText(
        'services:\n  a:\n    build:\n      context: .\n      args: ["A=1", "B=two"]\n    image: a:1\n    restart: always\n    labels: ["team=core", "tier=web"]\n    logging:\n      options:\n        max-size: 20m\n',
      ),
    );
    const a = service(s, 'a');
    expect(a.main.labels).toEqual({ team: 'core', tier: 'web' });
    expect(a.main.logging).toEqual({ maxSizeBytes: 20 * 1024 ** 2, maxFiles: 1 });
    expect(a.main.image).toMatchObject({ kind: 'build', context: '.', args: { A: '1', B: 'two' } });
  });

  test('GIVEN a port in expose and ports WHEN imported THEN it is one published port', () => {
    const s = spec(importText('services:\n  a:\n    image: nginx:1.27\n    restart: always\n    expose: ["80"]\n    ports: ["8080:80"]\n'));
    expect(service(s, 'a').main.ports).toEqual([{ containerPort: 80, protocol: 'tcp', publish: 'fixed', hostPort: 8080, name: 'tcp-80' }]);
  });

  test('GIVEN no name option WHEN imported THEN the name is COMPOSE_PROJECT_NAME, else the file\'s name, else its folder\'s, made a DNS label', () => {
    const text = 'name: from-file\nservices:\n  a:\n    image: nginx:1.27\n    restart: always\n';
    expect(importText(text, { name: undefined }).plan.name).toBe('from-file');
    expect(importText(text, { name: undefined, env: { COMPOSE_PROJECT_NAME: 'from-env' } }).plan.name).toBe('from-env');
    const fromFolder = importCorpus('jobs-and-sidecars');
    expect(fromFolder.plan.name).toBe('jobs-and-sidecars');
    const renamed = importText('services:\n  a:\n    image: nginx:1.27\n    restart: always\n', { name: 'My_Project' });
    expect([renamed.plan.name, codes(renamed)]).toEqual(['my-project', ['import/renamed name']]);
  });

  test('GIVEN a YAML merge key WHEN the service overrides a merged key THEN its own value wins', () => {
    const s = spec(importText('x-base: &base\n  image: nginx:1.26\n  restart: always\nservices:\n  a:\n    <<: *base\n    image: nginx:1.27\n'));
    expect(service(s, 'a').main.image).toMatchObject({ ref: 'nginx:1.27' });
  });
});
