import * as path from 'path';
import { Match } from 'aws-cdk-lib/assertions';
import { HealthCheck, Image, Mount, Network, Port, Secret, Service, System, Volume } from '../../lib';
import { formatDiagnostic } from '../../lib/diagnostics/pipeline';
import { synthApps } from '../../lib/synth/synth';
import { Testing } from '../../lib/testing';
import { onlyTemplate } from '../../lib/testing/only-template';

const ROOT = path.resolve(__dirname, '..', '..');

/** A consumer's app, defined in the test: a web front end, an API in two copies and a database on a private network. */
function shop(): System {
  const app = new System('shop');
  const backend = new Network(app, 'backend', { internal: true });
  const data = new Volume(app, 'pgdata', { size: '5Gi' });
  const password = new Secret(app, 'db-password');
  new Service(app, 'db', {
    image: Image.of('postgres:16.4'),
    secretEnv: { POSTGRES_PASSWORD: password },
    ports: [Port.tcp(5432)],
    mounts: [Mount.volume(data, '/var/lib/postgresql/data')],
    networks: [backend],
    resources: { memory: '512m', cpus: 1 },
    health: HealthCheck.command(['pg_isready', '-U', 'postgres']),
    logging: { maxSize: '10m', maxFiles: 3 },
  });
  new Service(app, 'web', {
    image: Image.of('nginx:1.27'),
    ports: [Port.tcp(80).publish(8080)],
    networks: [backend],
    resources: { memory: '128m', cpus: 0.25 },
    logging: { maxSize: '10m', maxFiles: 3 },
  });
  new Service(app, 'api', {
    image: Image.of('ghcr.io/example/api:1.4.2'),
    ports: [Port.tcp(3000)],
    networks: [backend],
    replicas: 2,
    resources: { memory: '256m', cpus: 0.5 },
    logging: { maxSize: '10m', maxFiles: 3 },
  });
  return app;
}

describe('lading/testing', () => {
  test('GIVEN an app WHEN its ECS templates are taken THEN aws-cdk-lib assertions work on them', async () => {
    const template = await Testing.ecsTemplate(shop());
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2, LaunchType: 'FARGATE' });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: Match.arrayWith([Match.objectLike({ Image: 'postgres:16.4', Memory: 512 })]),
    });
    template.resourceCountIs('AWS::EFS::FileSystem', 1);
    expect(Object.keys(await Testing.ecsTemplates(shop()))).toEqual(['Shop']);
  });

  test('GIVEN an app WHEN its Kubernetes objects are taken THEN they match the snapshot, twice alike', async () => {
    const objects = await Testing.kubernetesObjects(shop());
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(expect.arrayContaining(['Deployment/api', 'Deployment/web', 'Deployment/db', 'PersistentVolumeClaim/pgdata']));
    expect(await Testing.kubernetesObjects(shop())).toEqual(objects);
    expect(objects).toMatchSnapshot();
  });

  test('GIVEN an app WHEN its Compose document is taken THEN it is the parsed compose.yaml', async () => {
    const compose = (await Testing.composeDocument(shop())) as { services: Record<string, { ports?: unknown; deploy?: { replicas?: number } }> };
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'db', 'web']);
    expect(compose.services.api.deploy?.replicas).toBe(2);
    expect(compose.services.web.ports).toEqual(['8080:80/tcp']);
  });

  test.each(['compose', 'kubernetes', 'ecs', 'docker'] as const)('GIVEN an app WHEN Testing.synth renders %s THEN its files and diagnostics are what lading synth gives', async (target) => {
    const app = shop();
    const tested = await Testing.synth(app, target, { projectRoot: ROOT });
    const spec = app.toSpec();
    const synthesized = await synthApps([{ name: spec.name, file: 'apps/shop.ts', spec }], { targets: [target], outDir: path.join(ROOT, 'dist'), projectRoot: ROOT, dryRun: true });
    expect(tested.diagnostics.map(formatDiagnostic)).toEqual(synthesized.diagnostics.map(formatDiagnostic));
    expect(tested.target).toBe(target);
    expect(Object.keys(tested.files).length).toBeGreaterThan(0);
    expect(Object.keys(tested.files)).toEqual([...Object.keys(tested.files)].sort());
  });

  test('GIVEN a suppressed lint rule WHEN Testing.synth THEN the finding is listed as suppressed with its reason, not as a diagnostic', async () => {
    const app = new System('loose');
    new Service(app, 'web', { image: Image.of('nginx:1.27'), suppress: { 'lint/no-resource-limits': 'sized by the cluster' } });
    const { diagnostics, suppressed } = await Testing.synth(app, 'compose');
    expect(diagnostics.map((d) => d.code)).not.toContain('lint/no-resource-limits');
    expect(suppressed.map((s) => [s.diagnostic.code, s.reason])).toEqual([['lint/no-resource-limits', 'sized by the cluster']]);
  });

  test('GIVEN a bind mount on Fargate WHEN the ECS template is taken THEN it throws with the diagnostic text', async () => {
    const app = new System('bound');
    new Service(app, 'web', { image: Image.of('nginx:1.27'), mounts: [Mount.bind('/srv/site', '/site')], resources: { memory: '128m', cpus: 0.25 } });
    await expect(Testing.ecsTemplate(app)).rejects.toThrow(/^bound: the ecs target reported 1 error\(s\):\nerror \[ecs\] ecs\/bind-mount-fargate bound\/web mounts\[0\]: bind mounts need the EC2 launch type/);
    expect((await Testing.synth(app, 'ecs')).files).toEqual({});
  });

  test('GIVEN a system split into several stacks WHEN one template is asked for THEN it names the stacks and Testing.ecsTemplates', () => {
    expect(() => onlyTemplate('vault', { Vault: 1, VaultPart2: 2 })).toThrow(
      'vault: the ECS output has 2 stacks (got Vault, VaultPart2). Use Testing.ecsTemplates to pick one by stack name.',
    );
    expect(onlyTemplate('vault', { Vault: 1 })).toBe(1);
  });
});

describe('Testing with stages', () => {
  /** A stage function, as an app module exports it: two web replicas in prod, one elsewhere. */
  const staged = (stage: { readonly name: string }): System => {
    const app = new System('staged');
    new Service(app, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], replicas: stage.name === 'prod' ? 2 : 1 });
    return app;
  };
  const replicasOf = async (options: { stage?: string }) => {
    const objects = await Testing.kubernetesObjects(staged, options);
    return (objects.find((o) => o.kind === 'Deployment') as unknown as { spec: { replicas: number } }).spec.replicas;
  };

  test('GIVEN a stage function WHEN tested with stage prod and with no stage THEN prod builds its own System, and no stage builds dev, as lading synth does', async () => {
    expect(await replicasOf({ stage: 'prod' })).toBe(2);
    expect(await replicasOf({})).toBe(1);
    expect(Testing.systemOf(staged).toSpec().services[0].replicas).toBe(1);
    const compose = await Testing.composeDocument(staged, { stage: 'prod' });
    expect((compose.services as Record<string, { deploy: { replicas: number } }>).web.deploy.replicas).toBe(2);
  });

  test('GIVEN a stage that is no DNS label, or a stage for a System that is the same in every stage WHEN tested THEN one line says what to change', () => {
    expect(() => Testing.systemOf(staged, { stage: 'Prod!' })).toThrow('stage Prod!: a stage name must be a DNS-1123 label (got "Prod!"). Write e.g. stage prod, or leave it out for the default stage dev.');
    expect(() => Testing.systemOf(shop(), { stage: 'prod' })).toThrow('stage prod: shop is one System for every stage. Export a function (stage) => System to build stages, or leave stage out.');
  });
});
