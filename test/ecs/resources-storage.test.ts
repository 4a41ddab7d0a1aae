import { HealthCheck, Image, Job, Mount, Port, Service, System, Volume } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { formatDiagnostic } from '../../lib/diagnostics/pipeline';
import { Reporter } from '../../lib/diagnostics/reporter';
import { reportCdkMessages } from '../../lib/targets/ecs/cdk-app';
import { ECS_CODES } from '../../lib/targets/ecs/codes';
import { smallestFargateSize } from '../../lib/targets/ecs/task-size';
import { codes, containersOf, find, one, synthEcs, taskDefinitionOf, templateOf } from './support/ecs-kit';

const system = (build: (sys: System) => void, options?: ConstructorParameters<typeof System>[1]): SystemSpec => {
  const sys = new System('shop', options);
  build(sys);
  return sys.toSpec();
};
const EC2 = { targetOptions: { ecs: { launchType: 'ec2' as const } } };

describe('ECS: resources', () => {
  test('GIVEN memory, a reservation and CPU shares WHEN rendered THEN the container has memory and memoryReservation in MiB and cpu = shares', () => {
    const t = templateOf(system((s) => new Service(s, 'db', { image: Image.of('postgres:16.4'), resources: { memory: '1g', memoryReservation: '512m', cpuShares: 512 } })));
    expect(containersOf(t, 'shop-db')[0]).toMatchObject({ Memory: 1024, MemoryReservation: 512, Cpu: 512 });
  });

  test('GIVEN cpus 1 and 1g on Fargate WHEN rendered THEN the task size is the smallest valid pair that holds them, with an info when it rounds', () => {
    const spec = system((s) => new Service(s, 'db', { image: Image.of('postgres:16.4'), resources: { memory: '1g', cpus: 1 } }));
    const { template, diagnostics } = synthEcs(spec);
    expect(taskDefinitionOf(template!, 'shop-db')).toMatchObject({ Cpu: '1024', Memory: '2048' });
    expect(find(diagnostics, 'ecs/fargate-task-size').message).toBe('the containers need 1024 CPU units and 1024 MiB; the smallest Fargate size that holds them is 1024 CPU units and 2048 MiB');
  });

  test('GIVEN containers whose sum is a valid Fargate pair WHEN rendered THEN the task gets exactly that, without an info', () => {
    const spec = system((s) => {
      const web = new Service(s, 'web', { image: Image.of('nginx:1.27'), resources: { memory: '1g', cpus: 0.25 } });
      web.addSidecar('shipper', { image: Image.of('busybox:1.36'), resources: { memory: '1g', cpus: 0.25 } });
    });
    const { template, diagnostics } = synthEcs(spec);
    expect(taskDefinitionOf(template!, 'shop-web')).toMatchObject({ Cpu: '512', Memory: '2048' });
    expect(codes(diagnostics)).not.toContain('ecs/fargate-task-size');
  });

  test('GIVEN the Fargate size table WHEN asked for sizes THEN it picks the smallest CPU first, then the smallest memory it allows', () => {
    expect(smallestFargateSize({ cpu: 0, memory: 3000 })).toEqual({ cpu: 512, memory: 3072 });
    expect(smallestFargateSize({ cpu: 5000, memory: 0 })).toEqual({ cpu: 8192, memory: 16384 });
    expect(smallestFargateSize({ cpu: 16384, memory: 122881 })).toBeUndefined();
  });

  test('GIVEN nothing set WHEN rendered THEN the Fargate task is 256/512 with ecs/fargate-default-size', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'web', { image: Image.of('nginx:1.27') })));
    expect(taskDefinitionOf(template!, 'shop-web')).toMatchObject({ Cpu: '256', Memory: '512' });
    expect(containersOf(template!, 'shop-web')[0].Memory).toBeUndefined();
    expect(find(diagnostics, 'ecs/fargate-default-size')).toMatchObject({ severity: 'info', path: 'shop/web resources' });
  });

  test('GIVEN more than the largest Fargate task WHEN rendered THEN ecs/fargate-task-too-large is an error', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'big', { image: Image.of('b:1'), resources: { cpus: 32 } })));
    expect(template).toBeUndefined();
    expect(find(diagnostics, 'ecs/fargate-task-too-large').severity).toBe('error');
  });

  test('GIVEN a memory size that is not whole MiB WHEN rendered THEN it is rounded up with ecs/memory-rounded', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'app', { image: Image.of('a:1'), resources: { memory: '6500k' } })));
    expect(containersOf(template!, 'shop-app')[0].Memory).toBe(7);
    expect(find(diagnostics, 'ecs/memory-rounded').path).toBe('shop/app resources.memory');
  });

  test('GIVEN the EC2 launch type and no memory WHEN rendered THEN the task gets 512 MiB with ecs/ec2-default-memory', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'app', { image: Image.of('a:1') }), EC2));
    expect(taskDefinitionOf(template!, 'shop-app')).toMatchObject({ Memory: '512' });
    expect(find(diagnostics, 'ecs/ec2-default-memory').path).toBe('shop/app resources');
  });
});

describe('ECS: volumes and mounts', () => {
  test('GIVEN a persistent volume WHEN rendered THEN it is an encrypted, retained EFS file system with an access point, mounted through IAM and allowed from the workload only', () => {
    const spec = system((s) => {
      const data = new Volume(s, 'pgdata', { size: '10Gi' });
      new Service(s, 'db', { image: Image.of('postgres:16.4'), mounts: [Mount.volume(data, '/var/lib/postgresql/data')] });
    });
    const { template, diagnostics } = synthEcs(spec);
    const t = template!;
    const fs = one(t, 'AWS::EFS::FileSystem');
    expect(fs.Properties.Encrypted).toBe(true);
    t.hasResource('AWS::EFS::FileSystem', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    const ap = one(t, 'AWS::EFS::AccessPoint');
    expect(ap.Properties.RootDirectory).toMatchObject({ Path: '/pgdata' });
    const td = taskDefinitionOf(t, 'shop-db');
    expect(td.Volumes).toEqual([
      {
        Name: 'volume-pgdata',
        EFSVolumeConfiguration: { FilesystemId: { Ref: fs.id }, TransitEncryption: 'ENABLED', AuthorizationConfig: { AccessPointId: { Ref: ap.id }, IAM: 'ENABLED' } },
      },
    ]);
    expect(td.ContainerDefinitions[0].MountPoints).toEqual([{ SourceVolume: 'volume-pgdata', ContainerPath: '/var/lib/postgresql/data', ReadOnly: false }]);
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 2049, ToPort: 2049, Description: 'db mounts pgdata' });
    const policy = JSON.stringify(one(t, 'AWS::IAM::Policy', (p) => JSON.stringify(p).includes('elasticfilesystem')).Properties);
    expect(policy).toContain('elasticfilesystem:ClientWrite');
    expect(find(diagnostics, 'ecs/volume-size').path).toBe('shop/pgdata size');
  });

  test("GIVEN a volume that lives in a project folder on a single host (hostPath) WHEN rendered THEN it is an EFS volume the task mounts on Fargate, with an info naming the access point's folder", () => {
    const spec = system((s) => {
      const mail = new Volume(s, 'mail-data', { hostPath: './docker-data/mail' });
      new Service(s, 'mailserver', { image: Image.of('mailserver/docker-mailserver:14'), mounts: [Mount.volume(mail, '/var/mail')] });
    });
    const { template, diagnostics } = synthEcs(spec);
    expect(one(template!, 'AWS::EFS::AccessPoint').Properties.RootDirectory.Path).toBe('/mail-data');
    const td = taskDefinitionOf(template!, 'shop-mailserver');
    expect(td.Volumes.map((v: { Name: string; Host?: unknown }) => [v.Name, v.Host])).toEqual([['volume-mail-data', undefined]]);
    expect(td.ContainerDefinitions[0].MountPoints).toEqual([{ ContainerPath: '/var/mail', ReadOnly: false, SourceVolume: 'volume-mail-data' }]);
    const d = find(diagnostics, 'ecs/project-folder-efs');
    expect([d.severity, d.path]).toEqual(['info', 'shop/mail-data hostPath']);
    expect(d.fix).toBe('If ./docker-data/mail holds data to keep, copy it in once: with AWS DataSync, or from an instance that mounts the file system, into /mail-data.');
    expect(codes(diagnostics)).not.toContain('ecs/bind-mount-fargate');
  });

  test('GIVEN ephemeral volumes on Fargate WHEN rendered THEN they are task volumes without host; tmpfs and size limits are diagnosed', () => {
    const spec = system((s) => new Service(s, 'web', { image: Image.of('nginx:1.27'), mounts: [Mount.ephemeral('/cache', { sizeLimit: '64m' }), Mount.ephemeral('/run', { tmpfs: true })] }));
    const { template, diagnostics } = synthEcs(spec);
    const td = taskDefinitionOf(template!, 'shop-web');
    expect(td.Volumes.map((v: { Name: string; Host?: unknown }) => [v.Name, v.Host])).toEqual([
      [expect.stringMatching(/^ephemeral-/), undefined],
      [expect.stringMatching(/^ephemeral-/), undefined],
    ]);
    expect(td.ContainerDefinitions[0].MountPoints.map((m: { ContainerPath: string }) => m.ContainerPath)).toEqual(['/cache', '/run']);
    expect(find(diagnostics, 'ecs/ephemeral-size').path).toBe('shop/web mounts[0]');
    expect(find(diagnostics, 'ecs/tmpfs-fargate')).toMatchObject({ severity: 'warning', path: 'shop/web mounts[1]' });
  });

  test('GIVEN a tmpfs on EC2 WHEN rendered THEN it is a tmpfs mount in linuxParameters, 64 MiB without a limit', () => {
    const spec = system((s) => new Service(s, 'web', { image: Image.of('nginx:1.27'), mounts: [Mount.ephemeral('/run', { tmpfs: true })] }), EC2);
    const { template, diagnostics } = synthEcs(spec);
    expect(containersOf(template!, 'shop-web')[0].LinuxParameters.Tmpfs).toEqual([{ ContainerPath: '/run', Size: 64 }]);
    expect(find(diagnostics, 'ecs/tmpfs-size').path).toBe('shop/web mounts[0]');
  });

  test('GIVEN a bind mount on Fargate WHEN rendered THEN synth fails with one line naming the service, the mount and the EC2 option', () => {
    const spec = system((s) => new Service(s, 'devbox', { image: Image.of('node:20'), mounts: [Mount.ephemeral('/cache'), Mount.bind('./src', '/workspace/src')] }));
    const { template, diagnostics } = synthEcs(spec);
    expect(template).toBeUndefined();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['ecs/bind-mount-fargate']);
    expect(errors.map(formatDiagnostic)).toEqual([
      `error [ecs] ecs/bind-mount-fargate shop/devbox mounts[1]: bind mounts need the EC2 launch type: Fargate has no host to mount "./src" from. Set targetOptions.ecs.launchType 'ec2' on the System, or use Mount.volume / Mount.ephemeral.`,
    ]);
  });

  test('GIVEN the same bind mount on EC2 WHEN rendered THEN it is a host volume, with ecs/bind-mount-relative for the relative source', () => {
    const spec = system((s) => new Service(s, 'devbox', { image: Image.of('node:20'), mounts: [Mount.ephemeral('/cache'), Mount.bind('./src', '/workspace/src', { readOnly: true }), Mount.bind('/var/log', '/host-logs')] }), EC2);
    const { template, diagnostics } = synthEcs(spec);
    const td = taskDefinitionOf(template!, 'shop-devbox');
    expect(td.Volumes.filter((v: { Host?: unknown }) => v.Host)).toEqual([
      { Name: 'bind-devbox-1', Host: { SourcePath: '/opt/shop/src' } },
      { Name: 'bind-devbox-2', Host: { SourcePath: '/var/log' } },
    ]);
    expect(td.ContainerDefinitions[0].MountPoints).toContainEqual({ SourceVolume: 'bind-devbox-1', ContainerPath: '/workspace/src', ReadOnly: true });
    expect(diagnostics.filter((d) => d.code === 'ecs/bind-mount-relative').map((d) => d.path)).toEqual(['shop/devbox mounts[1]']);
  });

  test('GIVEN a bind the built image carries, on Fargate WHEN rendered THEN no host volume and no error: ecs/bind-in-image says the container sees the files as of the build', () => {
    const spec = system((s) => new Service(s, 'api', { image: Image.build({ context: 'apps/devbox', tag: 'shop/api:dev' }), mounts: [Mount.bind('./apps/devbox', '/code/src', { inImage: true })] }));
    const { template, diagnostics } = synthEcs(spec);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const td = taskDefinitionOf(template!, 'shop-api');
    expect(td.Volumes ?? []).toEqual([]);
    expect(td.ContainerDefinitions[0].MountPoints ?? []).toEqual([]);
    expect(diagnostics.filter((d) => d.code.includes('bind')).map((d) => d.code)).toEqual(['ecs/bind-in-image']);
    expect(diagnostics.filter((d) => d.code.includes('bind')).map(formatDiagnostic)).toEqual([
      'info [ecs] ecs/bind-in-image shop/api mounts[0]: the image built from apps/devbox (Dockerfile) carries ./apps/devbox at /code/src, so the bind mount is left out: the container sees the files as of the build; live edits need Compose or docker.',
    ]);
  });

  test('GIVEN a sidecar with volumes-from WHEN rendered THEN it is a second, non-essential container of the same task definition with volumesFrom the main one', () => {
    const spec = system((s) => {
      const web = new Service(s, 'web', { image: Image.of('nginx:1.27'), mounts: [Mount.ephemeral('/var/log/nginx')] });
      web.addSidecar('shipper', { image: Image.of('busybox:1.36'), command: ['tail', '-F', '/var/log/nginx/access.log'], volumesFrom: true });
    });
    const containers = containersOf(templateOf(spec), 'shop-web');
    expect(containers.map((c) => [c.Name, c.Essential])).toEqual([
      ['web', true],
      ['shipper', false],
    ]);
    expect(containers[1].VolumesFrom).toEqual([{ SourceContainer: 'web', ReadOnly: false }]);
    expect(containers[1].MountPoints).toBeUndefined();
  });
});

describe('ECS: health checks, privileges', () => {
  test('GIVEN command and shell health checks WHEN rendered THEN they are container health checks with CMD and CMD-SHELL and the timings', () => {
    const t = templateOf(
      system((s) => {
        new Service(s, 'db', { image: Image.of('postgres:16.4'), health: HealthCheck.command(['pg_isready', '-U', 'postgres'], { interval: '10s', timeout: '5s', retries: 5, startPeriod: '30s' }) });
        new Service(s, 'web', { image: Image.of('nginx:1.27'), health: HealthCheck.shell('curl -f http://localhost/ || exit 1') });
      }),
    );
    expect(containersOf(t, 'shop-db')[0].HealthCheck).toEqual({ Command: ['CMD', 'pg_isready', '-U', 'postgres'], Interval: 10, Timeout: 5, Retries: 5, StartPeriod: 30 });
    expect(containersOf(t, 'shop-web')[0].HealthCheck.Command).toEqual(['CMD-SHELL', 'curl -f http://localhost/ || exit 1']);
  });

  test('GIVEN an http health check on an unpublished port WHEN rendered THEN there is no container health check and ecs/health-check-unsupported says nothing checks it', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'api', { image: Image.of('api:1'), ports: [Port.http(8000)], health: HealthCheck.http('/healthz', 8000) })));
    expect(containersOf(template!, 'shop-api')[0].HealthCheck).toBeUndefined();
    expect(find(diagnostics, 'ecs/health-check-unsupported')).toMatchObject({ severity: 'warning', path: 'shop/api health' });
    expect(find(diagnostics, 'ecs/health-check-unsupported').message).toContain('nothing checks it');
  });

  test('GIVEN a health-check interval ECS does not accept WHEN rendered THEN it is clamped with ecs/health-check-clamped', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'db', { image: Image.of('db:1'), health: HealthCheck.command(['true'], { interval: '2s', timeout: '1s' }) })));
    expect(containersOf(template!, 'shop-db')[0].HealthCheck).toMatchObject({ Interval: 5, Timeout: 2 });
    expect(diagnostics.filter((d) => d.code === 'ecs/health-check-clamped').map((d) => d.message)).toEqual([
      'ECS accepts a health-check interval of 5-300 (got 2): using 5',
      'ECS accepts a health-check timeout of 2-60 (got 1): using 2',
    ]);
  });

  test('GIVEN a health-check timeout as long as its interval WHEN rendered THEN the timeout is made shorter with ecs/health-check-clamped', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'db', { image: Image.of('db:1'), health: HealthCheck.command(['true'], { interval: '5s' }) })));
    expect(containersOf(template!, 'shop-db')[0].HealthCheck).toMatchObject({ Interval: 5, Timeout: 4 });
    expect(diagnostics.filter((d) => d.code === 'ecs/health-check-clamped').map((d) => d.message)).toEqual([
      'ECS needs a health-check timeout shorter than its interval (got timeout 30s, interval 5s): using 4s',
    ]);
  });

  test('GIVEN a label that AWS tags refuse WHEN rendered THEN it stays a docker label, is not a tag, and ecs/label-not-tag says so', () => {
    const { template, diagnostics } = synthEcs(
      system((s) => new Service(s, 'web', { image: Image.of('web:1'), labels: { note: "it's *", tier: 'edge' } })),
    );
    const container = containersOf(template!, 'shop-web')[0];
    expect(container.DockerLabels).toMatchObject({ note: "it's *", tier: 'edge' });
    const tags = (taskDefinitionOf(template!, 'shop-web').Tags ?? []) as Array<{ Key: string; Value: string }>;
    expect(tags.map((t) => t.Key)).toContain('tier');
    expect(tags.map((t) => t.Key)).not.toContain('note');
    expect(find(diagnostics, 'ecs/label-not-tag')).toMatchObject({
      severity: 'warning',
      path: 'shop/web labels.note',
      message: 'the label is kept as a docker label but is not a valid AWS tag (got "note=it\'s *")',
    });
  });

  test('GIVEN privileged and host-network workloads on Fargate WHEN rendered THEN each is an error naming the EC2 option', () => {
    const spec = system((s) => {
      new Service(s, 'agent', { image: Image.of('agent:1'), privileged: true });
      new Job(s, 'probe', { image: Image.of('probe:1'), restart: 'no', hostNetwork: true });
    });
    const { template, diagnostics } = synthEcs(spec);
    expect(template).toBeUndefined();
    expect(find(diagnostics, 'ecs/privileged-fargate')).toMatchObject({ severity: 'error', path: 'shop/agent privileged' });
    expect(find(diagnostics, 'ecs/host-network-fargate')).toMatchObject({ severity: 'error', path: 'shop/probe hostNetwork' });
    expect(find(diagnostics, 'ecs/privileged-fargate').fix).toContain("targetOptions.ecs.launchType 'ec2'");
  });

  test('GIVEN privileged and host-network workloads on EC2 WHEN rendered THEN they are kept, with warnings', () => {
    const spec = system((s) => {
      new Service(s, 'agent', { image: Image.of('agent:1'), privileged: true });
      new Service(s, 'probe', { image: Image.of('probe:1'), hostNetwork: true });
    }, EC2);
    const { template, diagnostics } = synthEcs(spec);
    expect(containersOf(template!, 'shop-agent')[0].Privileged).toBe(true);
    expect(taskDefinitionOf(template!, 'shop-probe').NetworkMode).toBe('host');
    expect(find(diagnostics, 'ecs/privileged').severity).toBe('warning');
    expect(find(diagnostics, 'ecs/host-network').severity).toBe('warning');
  });

  test('GIVEN aws-cdk-lib warnings and errors about a stack WHEN reported THEN warnings are ecs/cdk-warning infos and errors ecs/cdk-error', () => {
    const d = new Reporter(ECS_CODES, 'ecs');
    reportCdkMessages('shop', [
      { level: 'warning', id: '/Shop/web/Service', entry: { data: 'something to know' } },
      { level: 'error', id: '/Shop/web/TaskDefinition', entry: { data: 'something wrong' } },
      { level: 'info', id: '/Shop', entry: { data: 'ignored' } },
    ], d);
    expect(d.diagnostics.map((x) => [x.code, x.severity, x.path])).toEqual([
      ['ecs/cdk-warning', 'info', 'shop (Shop/web/Service)'],
      ['ecs/cdk-error', 'error', 'shop (Shop/web/TaskDefinition)'],
    ]);
  });
});
