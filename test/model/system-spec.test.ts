import { Dependency, HealthCheck, Image, Job, Mount, Network, Port, Secret, Service, System, SystemSpec, Volume } from '../../lib/model';
import { NGINX } from './helpers';

/** A small shop, declared in an order that is not the sorted one. */
function shopSystem(): System {
  const sys = new System('shop');
  const frontend = new Network(sys, 'frontend');
  const backend = new Network(sys, 'backend', { internal: true });
  new Network(sys, 'unused');
  const pgdata = new Volume(sys, 'pgdata', { size: '10Gi' });
  const uploads = new Volume(sys, 'uploads', { size: '512m' });
  new Volume(sys, 'archive');
  const pw = new Secret(sys, 'db-password');
  new Secret(sys, 'api-key', { existingName: 'prod/api-key' });
  const db = new Service(sys, 'db', {
    image: Image.of('postgres:16.4'),
    secretEnv: { POSTGRES_PASSWORD: pw },
    env: { POSTGRES_USER: 'shop', POSTGRES_DB: 'shop', PGDATA: '/var/lib/postgresql/data/pgdata' },
    ports: [Port.tcp(5432)],
    mounts: [Mount.volume(pgdata, '/var/lib/postgresql/data')],
    networks: [backend],
    health: HealthCheck.command(['pg_isready', '-U', 'shop']),
    resources: { memory: '1g', memoryReservation: '512m', cpuShares: 512, cpus: 0.5 },
  });
  const migrate = new Job(sys, 'migrate', { image: Image.of('shop/migrate:1.0'), command: ['migrate', 'up'], networks: [backend], dependsOn: [Dependency.healthy(db)] });
  new Job(sys, 'backup', { image: Image.of('shop/backup:1.0'), schedule: '0 3 * * *', restart: 'on-failure:3', mounts: [Mount.volume(pgdata, '/backup', { readOnly: true })] });
  const web = new Service(sys, 'web', {
    image: NGINX,
    ports: [Port.http(80).publish(8080)],
    networks: [frontend, backend],
    mounts: [Mount.volume(uploads, '/uploads')],
    dependsOn: [Dependency.completed(migrate)],
  });
  web.addSidecar('shipper', { image: Image.of('busybox:1.36'), command: ['tail', '-F', '/uploads/log'] });
  new Service(sys, 'cron-ui', { image: NGINX, hostNetwork: true });
  return sys;
}

function walk(value: unknown, visit: (o: object, path: string) => void, path = 'spec'): void {
  if (value === null || typeof value !== 'object') return;
  visit(value, path);
  for (const [k, v] of Object.entries(value)) walk(v, visit, `${path}.${k}`);
}

describe('the spec of a System', () => {
  let spec: SystemSpec;
  beforeAll(() => {
    spec = shopSystem().toSpec();
  });

  it('GIVEN workloads, networks, volumes and secrets declared in any order WHEN specified THEN every list is sorted by name', () => {
    expect(spec.name).toBe('shop');
    expect(spec.services.map((s) => s.name)).toEqual(['cron-ui', 'db', 'web']);
    expect(spec.jobs.map((j) => j.name)).toEqual(['backup', 'migrate']);
    expect(spec.networks.map((n) => n.name)).toEqual(['backend', 'default', 'frontend', 'unused']);
    expect(spec.volumes.map((v) => v.name)).toEqual(['archive', 'pgdata', 'uploads']);
    expect(spec.secrets.map((s) => s.name)).toEqual(['api-key', 'db-password']);
    const db = spec.services.find((s) => s.name === 'db')!;
    expect(Object.keys(db.main.env)).toEqual(['PGDATA', 'POSTGRES_DB', 'POSTGRES_USER']);
    expect(spec.services.find((s) => s.name === 'web')!.networks).toEqual(['backend', 'frontend']);
  });

  it('GIVEN networks WHEN specified THEN each lists its members, sorted; the implicit default network holds the workloads that name none', () => {
    expect(spec.networks).toEqual([
      { name: 'backend', path: 'shop/backend', internal: true, isDefault: false, members: ['db', 'migrate', 'web'] },
      { name: 'default', path: 'shop/default', internal: false, isDefault: true, members: ['backup'] },
      { name: 'frontend', path: 'shop/frontend', internal: false, isDefault: false, members: ['web'] },
      { name: 'unused', path: 'shop/unused', internal: false, isDefault: false, members: [] },
    ]);
    expect(spec.jobs.find((j) => j.name === 'backup')!.networks).toEqual(['default']);
    expect(spec.services.find((s) => s.name === 'cron-ui')!.networks).toEqual([]);
  });

  it('GIVEN volumes WHEN specified THEN sizes are bytes, 1Gi by default, and users are the workloads that mount them', () => {
    expect(spec.volumes).toEqual([
      { name: 'archive', path: 'shop/archive', sizeBytes: 1073741824, users: [] },
      { name: 'pgdata', path: 'shop/pgdata', sizeBytes: 10737418240, users: ['backup', 'db'] },
      { name: 'uploads', path: 'shop/uploads', sizeBytes: 536870912, users: ['web'] },
    ]);
  });

  it('GIVEN secrets WHEN specified THEN each is a reference: name, env name, key, existing name, never a value', () => {
    expect(spec.secrets).toEqual([
      { name: 'api-key', path: 'shop/api-key', envName: 'API_KEY', existingName: { compose: 'prod/api-key', docker: 'prod/api-key', ecs: 'prod/api-key', kubernetes: 'prod/api-key', swarm: 'prod/api-key' }, key: 'value' },
      { name: 'db-password', path: 'shop/db-password', envName: 'DB_PASSWORD', existingName: undefined, key: 'value' },
    ]);
    expect(spec.services.find((s) => s.name === 'db')!.main.secretEnv).toEqual([{ name: 'POSTGRES_PASSWORD', secret: 'db-password' }]);
  });

  it('GIVEN props left out WHEN specified THEN every default is resolved: restart, replicas, health timings, target options', () => {
    const db = spec.services.find((s) => s.name === 'db')!;
    expect([db.restart, db.replicas, db.hostNetwork]).toEqual([{ policy: 'always' }, 1, false]);
    expect(db.main.health).toEqual({ kind: 'command', command: ['pg_isready', '-U', 'shop'], shell: false, intervalSeconds: 30, timeoutSeconds: 30, retries: 3, startPeriodSeconds: 0 });
    const migrate = spec.jobs.find((j) => j.name === 'migrate')!;
    expect([migrate.restart, migrate.schedule]).toEqual([{ policy: 'no' }, undefined]);
    expect(spec.jobs.find((j) => j.name === 'backup')).toMatchObject({ restart: { policy: 'on-failure', maxRetries: 3 }, schedule: '0 3 * * *' });
    expect(spec.options).toEqual({
      compose: { secrets: 'env' },
      swarm: { secrets: 'files' },
      kubernetes: { networkPolicies: true, fixedPortServiceType: 'LoadBalancer' },
      ecs: { launchType: 'fargate', logRetentionDays: 30, containerInsights: false, vpcFlowLogs: false },
    });
  });

  it('GIVEN quantities in Docker notation WHEN specified THEN the spec holds bytes and millicores', () => {
    expect(spec.services.find((s) => s.name === 'db')!.main.resources).toEqual({
      memoryBytes: 1073741824,
      memoryReservationBytes: 536870912,
      cpuShares: 512,
      cpuMillis: 500,
    });
  });

  it('GIVEN dependencies WHEN specified THEN each names the workload, its kind and the condition', () => {
    expect(spec.jobs.find((j) => j.name === 'migrate')!.dependsOn).toEqual([{ name: 'db', kind: 'service', condition: 'healthy' }]);
    expect(spec.services.find((s) => s.name === 'web')!.dependsOn).toEqual([{ name: 'migrate', kind: 'job', condition: 'completed' }]);
  });

  it('GIVEN a sidecar with volumesFrom by default WHEN specified THEN it mounts the main container\'s volume at the same path', () => {
    const [shipper] = spec.services.find((s) => s.name === 'web')!.sidecars;
    expect([shipper.name, shipper.volumesFrom, shipper.mounts]).toEqual(['shipper', true, [{ kind: 'volume', volume: 'uploads', target: '/uploads', readOnly: false }]]);
  });

  it('GIVEN the spec WHEN any nested object or list is inspected THEN it is frozen', () => {
    const notFrozen: string[] = [];
    walk(spec, (o, path) => {
      if (!Object.isFrozen(o)) notFrozen.push(path);
    });
    expect(notFrozen).toEqual([]);
    expect(Object.isFrozen(spec.services[1].main.env)).toBe(true);
    expect(Object.isFrozen(spec.services[1].main.ports[0])).toBe(true);
    expect(Object.isFrozen(spec.networks[0].members)).toBe(true);
    expect(Object.isFrozen(spec.options.ecs)).toBe(true);
    expect(() => {
      (spec.services as unknown as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (spec.services[1].main.env as Record<string, string>).X = '1';
    }).toThrow(TypeError);
  });

  it('GIVEN one System WHEN specified twice THEN both specs are equal (toSpec is repeatable)', () => {
    const sys = shopSystem();
    expect(sys.toSpec()).toEqual(sys.toSpec());
    expect(sys.toSpec()).toEqual(spec);
  });
});

describe('the spec of a small System', () => {
  it('GIVEN only host-network workloads WHEN specified THEN there is no default network', () => {
    const sys = new System('tools');
    new Service(sys, 'agent', { image: NGINX, hostNetwork: true });
    expect(sys.toSpec().networks).toEqual([]);
  });

  it('GIVEN an empty System WHEN specified THEN every list is empty and the options are the defaults', () => {
    const spec = new System('empty').toSpec();
    expect(spec).toEqual({
      name: 'empty',
      services: [],
      jobs: [],
      networks: [],
      volumes: [],
      secrets: [],
      configFiles: [],
      options: { compose: { secrets: 'env' }, swarm: { secrets: 'files' }, kubernetes: { networkPolicies: true, fixedPortServiceType: 'LoadBalancer' }, ecs: { launchType: 'fargate', logRetentionDays: 30, containerInsights: false, vpcFlowLogs: false } },
    });
  });

  it('GIVEN a volume with a storage class WHEN specified THEN the class is kept', () => {
    const sys = new System('shop');
    new Volume(sys, 'data', { storageClass: 'gp3' });
    expect(sys.toSpec().volumes[0]).toEqual({ name: 'data', path: 'shop/data', sizeBytes: 1073741824, storageClass: 'gp3', users: [] });
  });

  it('GIVEN a workload and its sidecar mounting one volume WHEN specified THEN the workload is listed once as its user', () => {
    const sys = new System('shop');
    const data = new Volume(sys, 'data');
    new Service(sys, 'web', { image: NGINX, mounts: [Mount.volume(data, '/data')] }).addSidecar('reader', { image: NGINX, volumesFrom: false, mounts: [Mount.volume(data, '/in')] });
    expect(sys.toSpec().volumes[0].users).toEqual(['web']);
  });
});
