import { Dependency, HealthCheck, Image, Job, Mount, Network, Port, Secret, Service, System, Volume } from '../../lib/model';
import type { LoadedApp } from '../../lib/synth/load-apps';
import { EXAMPLE_APPS, loadExamples } from '../support/examples';
import { loadTarget } from '../../lib/synth/targets';
import type { SystemSpec } from '../../lib/model/spec';
import type { TargetResult } from '../../lib/targets/target';
import { composeText, CONTEXT, importRendered, whatComposeKeeps } from './support/import-kit';

const apps: LoadedApp[] = loadExamples();

/** Every file a target writes for a spec, by path, and its diagnostics. */
async function render(target: 'kubernetes' | 'ecs', spec: SystemSpec): Promise<{ files: Record<string, string>; diagnostics: unknown[] }> {
  const result = (await loadTarget(target).render(spec, CONTEXT)) as TargetResult;
  return { files: Object.fromEntries(result.files.map((f) => [f.path, f.content])), diagnostics: [...result.diagnostics] };
}

function reimported(app: LoadedApp): SystemSpec {
  const imported = importRendered(composeText(app.spec), app.name);
  expect(imported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  if (!imported.system) throw new Error(`${app.name} did not import`);
  return imported.system.toSpec();
}

describe('a round trip through Compose, for every example app', () => {
  test('GIVEN the example apps THEN there are seven of them, each System named after its file', () => {
    expect(apps.map((a) => a.name)).toEqual([...EXAMPLE_APPS]);
    expect(apps).toHaveLength(7);
  });

  test.each(apps.map((a) => [a.name, a] as const))('GIVEN %s WHEN its compose file is imported and rendered again THEN the compose file is the same', (_, app) => {
    const first = composeText(app.spec);
    expect(composeText(reimported(app))).toBe(first);
  });

  test.each(apps.map((a) => [a.name, a] as const))('GIVEN %s WHEN imported THEN the spec is the original less what Compose cannot say', (_, app) => {
    expect(reimported(app)).toEqual(whatComposeKeeps(app.spec));
  });

  test('GIVEN the apps whose every value has a Compose key THEN their import is the very same spec', () => {
    const lossless = apps.filter((a) => JSON.stringify(whatComposeKeeps(a.spec)) === JSON.stringify(a.spec)).map((a) => a.name);
    // the other examples turn lint rules off with a reason, which Compose has no key for (security itself round-trips)
    expect(lossless).toEqual(['echo-server', 'hello']);
    for (const app of apps.filter((a) => lossless.includes(a.name))) expect(reimported(app)).toEqual(app.spec);
  });

  test.each(apps.map((a) => [a.name, a] as const))('GIVEN %s WHEN imported THEN Kubernetes renders what it renders for the original (less what Compose cannot say)', async (_, app) => {
    expect(await render('kubernetes', reimported(app))).toEqual(await render('kubernetes', whatComposeKeeps(app.spec)));
  });

  test.each(apps.map((a) => [a.name, a] as const))('GIVEN %s WHEN imported THEN ECS renders what it renders for the original (less what Compose cannot say)', async (_, app) => {
    expect(await render('ecs', reimported(app))).toEqual(await render('ecs', whatComposeKeeps(app.spec)));
  });
});

describe('a round trip through Compose, for a system that uses every Compose-expressible prop', () => {
  function everything(secrets: 'env' | 'files'): SystemSpec {
    const sys = new System('everything', { targetOptions: { compose: { secrets } } });
    const back = new Network(sys, 'back', { internal: true });
    const front = new Network(sys, 'front');
    const data = new Volume(sys, 'data');
    const token = new Secret(sys, 'api-token', { envName: 'TOKEN_VALUE' });
    const migrate = new Job(sys, 'migrate', { image: Image.of('app/migrate:1.0'), command: ['migrate', 'up'], restart: 'on-failure:2', networks: [back] });
    const db = new Service(sys, 'db', {
      image: Image.of('postgres:16.4'),
      ports: [Port.tcp(5432)],
      mounts: [Mount.volume(data, '/var/lib/postgresql/data')],
      networks: [back],
      health: HealthCheck.tcp(5432, { interval: '5s', retries: 4 }),
      resources: { memory: '512m', memoryReservation: '256m', cpuShares: 256, cpus: '0.5' },
    });
    const api = new Service(sys, 'api', {
      image: Image.build({ context: 'apps/devbox', dockerfile: 'Dockerfile.dev', args: { A: '1' }, tag: 'app/api:dev' }),
      entrypoint: ['/bin/sh', '-c'],
      command: ['exec api --price "$5"'],
      workingDir: '/srv',
      security: { user: 'app' },
      env: { MODE: 'prod', EMPTY: '' },
      secretEnv: { TOKEN: token },
      ports: [Port.http(8080).publish(80), Port.udp(9125).publish(), Port.tcp(9000)],
      mounts: [Mount.bind('./apps/devbox/src', '/srv/src'), Mount.ephemeral('/tmp', { tmpfs: true, sizeLimit: '32m', readOnly: false })],
      networks: [back, front],
      health: HealthCheck.http('/ready', 8080, { startPeriod: '10s' }),
      labels: { 'com.example/team': 'core' },
      logging: { maxSize: '20m', maxFiles: 4 },
      replicas: 3,
      restart: 'unless-stopped',
      dependsOn: [Dependency.healthy(db), Dependency.completed(migrate)],
    });
    api.addSidecar('shipper', { image: Image.of('busybox:1.36'), command: ['tail', '-F', '/srv/src/log'], volumesFrom: true });
    api.addSidecar('probe', { image: Image.of('busybox:1.36'), volumesFrom: false, privileged: true });
    new Service(sys, 'node', { image: Image.of('prom/node-exporter:v1.8.2'), hostNetwork: true });
    return sys.toSpec();
  }

  test.each(['env', 'files'] as const)('GIVEN secrets as %s WHEN rendered, imported and rendered again THEN the compose file and the spec are the same', (mode) => {
    const original = everything(mode);
    const text = composeText(original);
    const imported = importRendered(text, 'everything');
    if (!imported.system) throw new Error(JSON.stringify(imported.diagnostics));
    const spec = imported.system.toSpec();
    expect(composeText(spec)).toBe(text);
    expect(spec).toEqual(whatComposeKeeps(original));
  });
});
