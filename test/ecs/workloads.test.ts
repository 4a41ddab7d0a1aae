import { Match } from 'aws-cdk-lib/assertions';
import { Dependency, HealthCheck, Image, Job, Secret, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { codes, containersOf, find, one, resources, serviceOf, synthEcs, templateOf } from './support/ecs-kit';

const system = (build: (sys: System) => void, name = 'shop'): SystemSpec => {
  const sys = new System(name);
  build(sys);
  return sys.toSpec();
};

describe('ECS: workloads', () => {
  test('GIVEN a long-running service with 3 replicas WHEN rendered THEN it is a task definition and an ECS service with desiredCount 3', () => {
    const t = templateOf(system((s) => new Service(s, 'web', { image: Image.of('nginx:1.27'), replicas: 3 })));
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { Family: 'shop-web', RequiresCompatibilities: ['FARGATE'], NetworkMode: 'awsvpc' });
    t.hasResourceProperties('AWS::ECS::Service', { ServiceName: 'web', DesiredCount: 3, LaunchType: 'FARGATE' });
    t.resourceCountIs('AWS::ECS::Cluster', 1);
  });

  test('GIVEN a one-shot job WHEN rendered THEN it is a task definition run on demand, with no service and an info', () => {
    const spec = system((s) => new Job(s, 'migrate', { image: Image.of('shop/migrate:1.0'), command: ['migrate', 'up'], restart: 'no' }));
    const { template, diagnostics } = synthEcs(spec);
    template!.hasResourceProperties('AWS::ECS::TaskDefinition', { Family: 'shop-migrate' });
    template!.resourceCountIs('AWS::ECS::Service', 0);
    template!.resourceCountIs('AWS::Events::Rule', 0);
    expect(find(diagnostics, 'ecs/job-on-demand').message).toContain('aws ecs run-task --task-definition shop-migrate');
  });

  test('GIVEN a scheduled job WHEN rendered THEN an EventBridge rule runs it with the cron moved to EventBridge form', () => {
    const t = templateOf(system((s) => new Job(s, 'report', { image: Image.of('shop/report:1.0'), restart: 'no', schedule: '30 3 * * 1-5' })));
    t.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(30 3 ? * 2-6 *)',
      Targets: [Match.objectLike({ EcsParameters: Match.objectLike({ TaskCount: 1, LaunchType: 'FARGATE' }) })],
    });
  });

  test('GIVEN a schedule with both a day of month and a day of week WHEN rendered THEN ecs/cron-days is an error', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Job(s, 'report', { image: Image.of('r:1'), restart: 'no', schedule: '0 0 1 * 1' })));
    expect(template).toBeUndefined();
    expect(find(diagnostics, 'ecs/cron-days')).toMatchObject({ severity: 'error', path: 'shop/report schedule' });
  });

  test('GIVEN a job with restart on-failure:3 WHEN rendered THEN ecs/job-retries warns that ECS runs it once', () => {
    const { diagnostics } = synthEcs(system((s) => new Job(s, 'migrate', { image: Image.of('m:1'), restart: 'on-failure:3' })));
    expect(find(diagnostics, 'ecs/job-retries')).toMatchObject({ severity: 'warning', path: 'shop/migrate restart' });
    expect(find(diagnostics, 'ecs/job-retries').message).toContain('up to 3 times');
  });

  test('GIVEN a registry image WHEN rendered THEN the container image is the reference as written', () => {
    const t = templateOf(system((s) => new Service(s, 'db', { image: Image.of('postgres:16.4') })));
    expect(containersOf(t, 'shop-db')[0].Image).toBe('postgres:16.4');
  });

  test('GIVEN an image built from a Dockerfile WHEN rendered THEN it is a ContainerImage.fromAsset with the build args, and an info says the tag is unused', () => {
    const spec = system((s) => new Service(s, 'devbox', { image: Image.build({ context: 'apps/devbox', dockerfile: 'Dockerfile', args: { NODE_VERSION: '20' }, tag: 'devbox/devbox:dev' }) }));
    const { template, diagnostics } = synthEcs(spec);
    const image = containersOf(template!, 'shop-devbox')[0].Image;
    expect(JSON.stringify(image)).toContain('cdk-hnb659fds-container-assets');
    expect(find(diagnostics, 'ecs/build-image').message).toContain('"devbox/devbox:dev" is not used');
  });

  test('GIVEN a build context that does not exist WHEN rendered THEN ecs/build-context-missing is an error', () => {
    const spec = system((s) => new Service(s, 'devbox', { image: Image.build({ context: 'apps/no-such-dir', tag: 'x/y:1' }) }));
    const { template, diagnostics } = synthEcs(spec);
    expect(template).toBeUndefined();
    expect(find(diagnostics, 'ecs/build-context-missing')).toMatchObject({ severity: 'error', path: 'shop/devbox image' });
  });

  test('GIVEN a built image with registry credentials WHEN rendered THEN ecs/build-credentials warns they are unused', () => {
    const spec = system((s) => {
      const creds = new Secret(s, 'hub', { existingName: 'hub-login' });
      new Service(s, 'devbox', { image: Image.build({ context: 'apps/devbox', tag: 'x/y:1', credentials: creds }) });
    });
    expect(find(synthEcs(spec).diagnostics, 'ecs/build-credentials').severity).toBe('warning');
  });

  test('GIVEN private registry credentials WHEN rendered THEN the container has repositoryCredentials from Secrets Manager', () => {
    const t = templateOf(
      system((s) => {
        const creds = new Secret(s, 'ghcr', { existingName: 'ci/ghcr' });
        new Service(s, 'app', { image: Image.of('ghcr.io/org/app:1.0', { credentials: creds }) });
      }),
    );
    const [c] = containersOf(t, 'shop-app');
    expect(JSON.stringify(c.RepositoryCredentials.CredentialsParameter)).toContain('secret:ci/ghcr');
  });

  test('GIVEN command, entrypoint, working dir and user WHEN rendered THEN they are Command, EntryPoint, WorkingDirectory and User', () => {
    const t = templateOf(system((s) => new Service(s, 'app', { image: Image.of('app:1'), command: ['serve', '--port', '80'], entrypoint: ['/init'], workingDir: '/srv', security: { user: '999:999' } })));
    expect(containersOf(t, 'shop-app')[0]).toMatchObject({ Command: ['serve', '--port', '80'], EntryPoint: ['/init'], WorkingDirectory: '/srv', User: '999:999' });
  });

  test('GIVEN env WHEN rendered THEN it is the container environment', () => {
    const t = templateOf(system((s) => new Service(s, 'app', { image: Image.of('app:1'), env: { B: '2', A: '1' } })));
    expect(containersOf(t, 'shop-app')[0].Environment).toEqual([{ Name: 'A', Value: '1' }, { Name: 'B', Value: '2' }]);
  });

  test('GIVEN secret env from an existing and a new secret WHEN rendered THEN the existing one is looked up by name and the new one is generated', () => {
    const t = templateOf(
      system((s) => {
        const existing = new Secret(s, 'api-key', { existingName: 'prod/api-key' });
        const fresh = new Secret(s, 'db-password');
        new Service(s, 'app', { image: Image.of('app:1'), secretEnv: { API_KEY: existing, DB_PASSWORD: fresh } });
      }),
    );
    const secretsManager = one(t, 'AWS::SecretsManager::Secret');
    expect(secretsManager.Properties.GenerateSecretString).toMatchObject({ ExcludePunctuation: true, PasswordLength: 32 });
    const secrets = containersOf(t, 'shop-app')[0].Secrets;
    expect(secrets.map((s: { Name: string }) => s.Name)).toEqual(['API_KEY', 'DB_PASSWORD']);
    expect(JSON.stringify(secrets[0].ValueFrom)).toContain('secret:prod/api-key');
    expect(secrets[1].ValueFrom).toEqual({ Ref: secretsManager.id });
  });

  test('GIVEN existing names per target WHEN rendered THEN ECS looks up its own name, and creates a secret that has none for ECS', () => {
    const t = templateOf(
      system((s) => {
        const users = new Secret(s, 'traefik-users', { existingName: { default: 'traefik_users', ecs: 'prod/traefik-users' } });
        const onlyK8s = new Secret(s, 'db-password', { existingName: { kubernetes: 'db-password' } });
        new Service(s, 'app', { image: Image.of('app:1'), secretEnv: { USERS: users, DB_PASSWORD: onlyK8s } });
      }),
    );
    const secrets = containersOf(t, 'shop-app')[0].Secrets;
    expect(secrets.map((s: { Name: string }) => s.Name)).toEqual(['DB_PASSWORD', 'USERS']);
    expect(JSON.stringify(secrets[1].ValueFrom)).toContain('secret:prod/traefik-users');
    expect(JSON.stringify(t.toJSON())).not.toContain('traefik_users');
    expect(secrets[0].ValueFrom).toEqual({ Ref: one(t, 'AWS::SecretsManager::Secret').id });
  });

  test("GIVEN an ECS name that ends in a hyphen and six characters WHEN rendered THEN 'ecs/secret-name-suffix' warns that the lookup by name may fail", () => {
    const { diagnostics } = synthEcs(
      system((s) => {
        const token = new Secret(s, 'token', { existingName: { default: 'api-token', ecs: 'prod/api-tokens' } });
        const key = new Secret(s, 'key', { existingName: 'prod/api-key' });
        new Service(s, 'app', { image: Image.of('app:1'), secretEnv: { TOKEN: token, KEY: key } });
      }),
    );
    expect(diagnostics.filter((x) => x.code === 'ecs/secret-name-suffix').map((x) => [x.severity, x.path, x.message])).toEqual([
      [
        'warning',
        'shop/token existingName',
        'the Secrets Manager secret prod/api-tokens is looked up by its name, which ends in a hyphen and six characters: Secrets Manager may read them as the random ending of a full ARN, and the task then fails to read the secret when it starts',
      ],
    ]);
  });

  test('GIVEN labels WHEN rendered THEN they are dockerLabels and tags of the service and task definition', () => {
    const t = templateOf(system((s) => new Service(s, 'db', { image: Image.of('postgres:16.4'), labels: { tier: 'db' } })));
    expect(containersOf(t, 'shop-db')[0].DockerLabels).toEqual({ tier: 'db' });
    t.hasResourceProperties('AWS::ECS::Service', { Tags: Match.arrayWith([{ Key: 'tier', Value: 'db' }]), PropagateTags: 'SERVICE' });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { Tags: Match.arrayWith([{ Key: 'tier', Value: 'db' }]) });
  });

  test('GIVEN service labels WHEN rendered THEN they tag the ECS service (propagated to its tasks), and a job\'s task definition and schedule rule, not the containers', () => {
    const spec = system((s) => {
      new Service(s, 'web', { image: Image.of('nginx:1.27'), labels: { tier: 'web' }, serviceLabels: { 'com.example.team': 'shop', note: "it's *" } });
      new Job(s, 'report', { image: Image.of('report:1'), schedule: '0 3 * * *', serviceLabels: { 'com.example.kind': 'report' } });
    });
    const { template: t, diagnostics } = synthEcs(spec);
    const web = serviceOf(t!, 'web');
    expect(web.Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'com.example.team', Value: 'shop' }, { Key: 'tier', Value: 'web' }]));
    expect(web.Properties.PropagateTags).toBe('SERVICE');
    expect(JSON.stringify(containersOf(t!, 'shop-web')[0].DockerLabels)).toBe('{"tier":"web"}');
    expect(JSON.stringify(one(t!, 'AWS::ECS::TaskDefinition', (p) => p.Family === 'shop-web').Properties.Tags)).not.toContain('com.example.team');
    t!.hasResourceProperties('AWS::Events::Rule', { Tags: Match.arrayWith([{ Key: 'com.example.kind', Value: 'report' }]) });
    t!.hasResourceProperties('AWS::ECS::TaskDefinition', { Family: 'shop-report', Tags: Match.arrayWith([{ Key: 'com.example.kind', Value: 'report' }]) });
    const d = find(diagnostics, 'ecs/label-not-tag');
    expect([d.path, d.message]).toEqual(['shop/web serviceLabels.note', 'the label is left out: it is not a valid AWS tag (got "note=it\'s *")']);
  });

  test('GIVEN a label and a service label with the same key, and a label named like the system tag WHEN rendered THEN the service label wins on the service, the label on the task definition, and the label over the system tag', () => {
    const spec = system((s) => new Service(s, 'web', { image: Image.of('nginx:1.27'), labels: { tier: 'web', 'lading:system': 'mine' }, serviceLabels: { tier: 'front' } }));
    const { template: t } = synthEcs(spec);
    const tags = (p: { Tags?: Array<{ Key: string; Value: string }> }) => Object.fromEntries((p.Tags ?? []).map((x) => [x.Key, x.Value]));
    expect(tags(serviceOf(t!, 'web').Properties)).toMatchObject({ tier: 'front', 'lading:system': 'mine' });
    expect(tags(one(t!, 'AWS::ECS::TaskDefinition', (p) => p.Family === 'shop-web').Properties)).toMatchObject({ tier: 'web', 'lading:system': 'mine' });
    t!.hasResourceProperties('AWS::ECS::Cluster', { Tags: [{ Key: 'lading:system', Value: 'shop' }] });
  });

  test('GIVEN log size limits WHEN rendered THEN logs go through awslogs into a retained log group with the retention, and an info explains', () => {
    const spec = system((s) => new Service(s, 'app', { image: Image.of('app:1'), logging: { maxSize: '10m', maxFiles: 3 } }));
    const { template, diagnostics } = synthEcs(spec);
    const logGroup = one(template!, 'AWS::Logs::LogGroup');
    expect(logGroup.Properties.RetentionInDays).toBe(spec.options.ecs.logRetentionDays);
    template!.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
    expect(containersOf(template!, 'shop-app')[0].LogConfiguration).toMatchObject({
      LogDriver: 'awslogs',
      Options: { 'awslogs-group': { Ref: logGroup.id }, 'awslogs-stream-prefix': 'app' },
    });
    expect(find(diagnostics, 'ecs/log-limits').path).toBe('shop/app logging');
  });

  test('GIVEN web depends on db being healthy WHEN rendered THEN the service is created after db and ecs/depends-on says nothing waits', () => {
    const spec = system((s) => {
      const db = new Service(s, 'db', { image: Image.of('postgres:16.4'), health: HealthCheck.command(['pg_isready']) });
      new Service(s, 'web', { image: Image.of('nginx:1.27'), dependsOn: [Dependency.healthy(db)] });
    });
    const { template, diagnostics } = synthEcs(spec);
    expect(serviceOf(template!, 'web').DependsOn).toContain(serviceOf(template!, 'db').id);
    expect(find(diagnostics, 'ecs/depends-on')).toMatchObject({ severity: 'info', path: 'shop/web dependsOn' });
    expect(find(diagnostics, 'ecs/depends-on').message).toContain('does not wait for db to be healthy');
  });

  test('GIVEN a system WHEN rendered THEN the stack needs no account or region and tags every resource with the system', () => {
    const t = templateOf(system((s) => new Service(s, 'app', { image: Image.of('app:1') }), 'cats-and-dogs'));
    expect(JSON.stringify(t.toJSON())).not.toMatch(/\d{12}/);
    t.hasResourceProperties('AWS::ECS::Cluster', { Tags: [{ Key: 'lading:system', Value: 'cats-and-dogs' }] });
    expect(Object.keys(resources(t, 'AWS::ECS::Service'))).toHaveLength(1);
    expect(codes(synthEcs(system((s) => new Service(s, 'app', { image: Image.of('app:1') }))).diagnostics)).not.toContain('ecs/cdk-warning');
  });
});
