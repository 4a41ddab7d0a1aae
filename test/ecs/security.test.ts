import { Image, Job, Mount, Security, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { codes, containersOf, find, synthEcs, templateOf } from './support/ecs-kit';

const system = (build: (sys: System) => void, options?: ConstructorParameters<typeof System>[1]): SystemSpec => {
  const sys = new System('shop', options);
  build(sys);
  return sys.toSpec();
};
const EC2 = { targetOptions: { ecs: { launchType: 'ec2' as const } } };
const image = Image.of('nginx:1.27');

describe('ECS: container security', () => {
  test('GIVEN Security.restricted on a service and a job WHEN rendered THEN User, ReadonlyRootFilesystem and dropped capabilities', () => {
    const t = templateOf(system((s) => {
      new Service(s, 'web', { image, security: Security.restricted({ user: '10001:10001', add: ['SYS_PTRACE'] }) });
      new Job(s, 'migrate', { image: Image.of('shop/migrate:1.0'), security: { user: '10001', readOnlyRootFilesystem: true } });
    }));
    expect(containersOf(t, 'shop-web')[0]).toMatchObject({
      User: '10001:10001',
      ReadonlyRootFilesystem: true,
      LinuxParameters: { Capabilities: { Add: ['SYS_PTRACE'], Drop: ['ALL'] } },
    });
    expect(containersOf(t, 'shop-migrate')[0]).toMatchObject({ User: '10001', ReadonlyRootFilesystem: true });
    expect(containersOf(t, 'shop-migrate')[0]).not.toHaveProperty('LinuxParameters');
  });

  test('GIVEN no security WHEN rendered THEN no User, ReadonlyRootFilesystem or LinuxParameters', () => {
    const c = containersOf(templateOf(system((s) => new Service(s, 'web', { image }))), 'shop-web')[0];
    for (const key of ['User', 'ReadonlyRootFilesystem', 'LinuxParameters']) expect(c).not.toHaveProperty(key);
  });

  test('GIVEN an added capability other than SYS_PTRACE on Fargate WHEN rendered THEN ecs/capability-fargate names the EC2 option and no template', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'web', { image, security: { capabilities: { add: ['NET_ADMIN', 'SYS_PTRACE'] } } })));
    expect(template).toBeUndefined();
    expect(find(diagnostics, 'ecs/capability-fargate')).toMatchObject({
      severity: 'error',
      path: 'shop/web security.capabilities.add',
      message: 'Fargate adds no capability but SYS_PTRACE (got ["NET_ADMIN","SYS_PTRACE"])',
      fix: "Set targetOptions.ecs.launchType 'ec2' on the System, or leave NET_ADMIN out of capabilities.add.",
    });
  });

  test('GIVEN drop ALL and some of Docker\'s defaults added back on Fargate WHEN rendered THEN the same set written as defaults dropped, without a finding', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'web', { image, security: { capabilities: { drop: ['ALL'], add: ['CHOWN', 'SETUID', 'SYS_PTRACE'] } } })));
    expect(codes(diagnostics)).not.toContain('ecs/capability-fargate');
    expect(containersOf(template!, 'shop-web')[0].LinuxParameters.Capabilities).toEqual({
      Add: ['SYS_PTRACE'],
      Drop: ['AUDIT_WRITE', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SYS_CHROOT'],
    });
  });

  test('GIVEN the same capability on EC2 WHEN rendered THEN it is added, without a finding', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'web', { image, security: { capabilities: { add: ['NET_ADMIN'] } } }), EC2));
    expect(codes(diagnostics)).not.toContain('ecs/capability-fargate');
    expect(containersOf(template!, 'shop-web')[0].LinuxParameters.Capabilities).toEqual({ Add: ['NET_ADMIN'] });
  });

  test('GIVEN a capability ECS does not know WHEN rendered THEN ecs/capability-unknown at the list that names it', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'web', { image, security: { capabilities: { add: ['BPF'], drop: ['PERFMON'] } } }), EC2));
    expect(template).toBeUndefined();
    expect(diagnostics.filter((d) => d.code === 'ecs/capability-unknown').map((d) => [d.severity, d.path, d.message])).toEqual([
      ['error', 'shop/web security.capabilities.add', 'ECS task definitions do not know the capabilities BPF (got ["BPF"])'],
      ['error', 'shop/web security.capabilities.drop', 'ECS task definitions do not know the capabilities PERFMON (got ["PERFMON"])'],
    ]);
  });

  test('GIVEN a tmpfs with mode and uid on EC2 WHEN rendered THEN the tmpfs is kept and ecs/tmpfs-ownership says the owner is left out', () => {
    const { template, diagnostics } = synthEcs(system((s) => new Service(s, 'web', { image, mounts: [Mount.ephemeral('/run', { tmpfs: true, sizeLimit: '1m', mode: 0o700, uid: 101 })] }), EC2));
    expect(containersOf(template!, 'shop-web')[0].LinuxParameters.Tmpfs).toEqual([{ ContainerPath: '/run', Size: 1 }]);
    expect(find(diagnostics, 'ecs/tmpfs-ownership')).toMatchObject({
      severity: 'info',
      path: 'shop/web mounts[0]',
      message: 'an ECS tmpfs mount takes no mode, uid or gid: mode 700, uid 101 of /run is left out, and the mount point is root-owned',
    });
  });

  test("GIVEN supplementary groups WHEN synthesized THEN 'ecs/groups' says a container definition cannot add them", () => {
    const sys = new System('shop');
    new Service(sys, 'jellyfin', { image: Image.of('jellyfin/jellyfin:10.9.7'), security: { groups: ['render', '44'] } });
    const d = find(synthEcs(sys.toSpec()).diagnostics, 'ecs/groups');
    expect([d.path, d.message]).toEqual(['shop/jellyfin security.groups', 'a container definition cannot add supplementary groups: jellyfin is not in render, 44']);
  });
});
