import { Dependency, HealthCheck, Image, Mount, Network, Port, Secret, Security, Service, System, Volume, type Stage } from '../lib/model';

/** The stages webapp builds: `lading synth --stage NAME` stops on any other name. */
export const stages = ['dev', 'prod'];

/**
 * A production-style web application: web + api + postgres + redis. The default stage (`dev`) runs on a laptop;
 * `lading synth --stage prod` adds what production needs.
 */
export default function webapp(stage: Stage): System {
  const prod = stage.name === 'prod';
  const app = new System(
    'webapp',
    prod
      ? {
          targetOptions: {
            kubernetes: { ingressClassName: 'nginx', certManagerClusterIssuer: 'letsencrypt-prod' },
            ecs: { hostedZone: { zoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' } },
          },
        }
      : {},
  );

  const frontend = new Network(app, 'frontend');
  const backend = new Network(app, 'backend', { internal: true });
  const pgdata = new Volume(app, 'pgdata', { size: '10Gi' });
  const dbPassword = new Secret(app, 'db-password');

  const logging = { maxSize: '10m', maxFiles: 3 } as const;

  /**
   * Images whose entrypoint starts as root (postgres prepares PGDATA, nginx binds port 80) and then runs the server
   * as their own user keep only the capabilities for that, on a read-only root.
   */
  const startsAsRoot = (add: string[]) => ({ readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'], add }, noNewPrivileges: true });

  const db = new Service(app, 'db', {
    image: Image.of('postgres:16.4'),
    env: { POSTGRES_DB: 'shop', POSTGRES_USER: 'shop', PGDATA: '/var/lib/postgresql/data/pgdata' },
    secretEnv: { POSTGRES_PASSWORD: dbPassword },
    ports: [Port.tcp(5432)],
    resources: { memory: '1g', memoryReservation: '512m', cpuShares: 512, cpus: 1 },
    mounts: [
      Mount.volume(pgdata, '/var/lib/postgresql/data'),
      Mount.ephemeral('/var/run/postgresql'),
      Mount.ephemeral('/tmp'),
    ],
    security: startsAsRoot(['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETGID', 'SETUID']),
    suppress: { 'lint/runs-as-root': 'the entrypoint prepares PGDATA as root, then runs postgres as uid 999' },
    networks: [backend],
    health: HealthCheck.command(['pg_isready', '-U', 'shop', '-d', 'shop'], { interval: '10s', timeout: '5s', retries: 5, startPeriod: '30s' }),
    labels: { tier: 'data' },
    logging,
  });

  const cache = new Service(app, 'cache', {
    image: Image.of('redis:7.4-alpine'),
    command: ['redis-server', '--save', '', '--appendonly', 'no'],
    security: Security.restricted({ user: '999:1000' }), // the image's redis user; nothing is saved to disk
    ports: [Port.tcp(6379)],
    resources: { memory: '256m', memoryReservation: '128m', cpuShares: 256, cpus: 0.5 },
    networks: [backend],
    health: HealthCheck.command(['redis-cli', 'ping'], { interval: '10s', timeout: '3s', retries: 3 }),
    labels: { tier: 'data' },
    logging,
  });

  const api = new Service(app, 'api', {
    image: Image.of('ghcr.io/example/shop-api:1.4.2'),
    env: { DATABASE_HOST: 'db', DATABASE_NAME: 'shop', DATABASE_USER: 'shop', REDIS_URL: 'redis://cache:6379', PORT: '8000' },
    secretEnv: { DATABASE_PASSWORD: dbPassword },
    ports: [prod ? Port.http(8000).route('https://shop.example.com/api') : Port.http(8000)],
    security: Security.restricted({ user: '10001:10001' }),
    mounts: [Mount.ephemeral('/tmp')],
    resources: { memory: '512m', memoryReservation: '256m', cpuShares: 512, cpus: 0.5 },
    networks: [frontend, backend],
    health: HealthCheck.http('/healthz', 8000, { interval: '15s', timeout: '5s', retries: 3, startPeriod: '20s' }),
    dependsOn: [Dependency.healthy(db), Dependency.healthy(cache)],
    ...(prod ? { autoscale: { min: 2, max: 10, cpuPercent: 70 } } : { replicas: 2 }),
    labels: { tier: 'app' },
    logging,
  });

  new Service(app, 'web', {
    image: Image.of('nginx:1.27-alpine'),
    ports: [prod ? Port.http(80).route('https://shop.example.com/') : Port.http(80).publish(8080)],
    resources: { memory: '128m', memoryReservation: '64m', cpuShares: 256, cpus: 0.25 },
    mounts: [Mount.ephemeral('/var/cache/nginx', { tmpfs: true, sizeLimit: '64m' }), Mount.ephemeral('/var/run')],
    security: startsAsRoot(['CHOWN', 'NET_BIND_SERVICE', 'SETGID', 'SETUID']),
    suppress: { 'lint/runs-as-root': 'the master process binds port 80, then runs the workers as nginx' },
    networks: [frontend],
    health: HealthCheck.http('/', 80, { interval: '15s', timeout: '5s', retries: 3 }),
    dependsOn: [Dependency.started(api)],
    restart: 'unless-stopped',
    labels: { tier: 'edge' },
    logging,
  });

  return app;
}
