import { Image, Mount, Security, Service, System } from '../../lib/model';
import { renderSwarm, withCode } from './swarm-test-kit';

const image = Image.of('busybox:1.36');

describe('swarm security', () => {
  test('GIVEN user, read-only root and capabilities WHEN rendered THEN user, read_only, cap_add and cap_drop, and no finding', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, security: { user: '101:101', readOnlyRootFilesystem: true, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } } });
    const out = renderSwarm(sys);
    expect(out.doc.services.web).toMatchObject({ user: '101:101', read_only: true, cap_add: ['NET_BIND_SERVICE'], cap_drop: ['ALL'] });
    expect(out.codes).not.toContain('swarm/no-new-privileges');
  });

  test('GIVEN no new privileges WHEN rendered THEN no security_opt, and swarm/no-new-privileges at security.noNewPrivileges', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, security: Security.restricted({ user: '10001' }) });
    const out = renderSwarm(sys);
    expect(out.doc.services.web).not.toHaveProperty('security_opt');
    expect(withCode(out, 'swarm/no-new-privileges')).toEqual([
      {
        code: 'swarm/no-new-privileges',
        severity: 'info',
        path: 'shop/web security.noNewPrivileges',
        target: 'swarm',
        message: 'Swarm cannot forbid new privileges to web: `docker stack deploy` ignores security_opt, so setuid programs in the image can still gain privileges (got true).',
        fix: "Drop the capabilities the image does not need (security.capabilities.drop: ['ALL']), or run it with `docker run --security-opt no-new-privileges` outside the stack.",
      },
    ]);
  });

  test('GIVEN a tmpfs with mode and owner WHEN rendered THEN a tmpfs with its size, and swarm/tmpfs-ownership at the mount', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/run', { tmpfs: true, sizeLimit: '1m', mode: 0o700, uid: 101 })] });
    const out = renderSwarm(sys);
    expect(out.doc.services.web.volumes).toEqual([{ type: 'tmpfs', target: '/run', tmpfs: { size: 1048576 } }]);
    expect(withCode(out, 'swarm/tmpfs-ownership').map((d) => [d.severity, d.path, d.message])).toEqual([
      ['info', 'shop/web mounts[0]', "a stack file's tmpfs takes a size only: the mode, uid and gid of /run are left to the runtime, root-owned with mode 1777 (got size=1048576,mode=700,uid=101)."],
    ]);
  });

  test('GIVEN supplementary groups WHEN rendered THEN the stack file has no group_add, which docker stack config refuses, and swarm/groups says so', () => {
    const sys = new System('shop');
    new Service(sys, 'jellyfin', { image: Image.of('jellyfin/jellyfin:10.9.7'), security: { groups: ['render', '44'] } });
    const r = renderSwarm(sys);
    expect(r.doc.services.jellyfin.group_add).toBeUndefined();
    expect(r.diagnostics.find((d) => d.code === 'swarm/groups')?.message).toBe('a stack file cannot add supplementary groups: jellyfin is not in render, 44.');
  });
});
