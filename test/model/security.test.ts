import { Job, Mount, Security, Service, type SecurityProps, type ServiceProps } from '../../lib/model';
import { modelErrorOf, NGINX, shop, web } from './helpers';

describe('security', () => {
  it('GIVEN every security prop WHEN resolved THEN capabilities lose their CAP_ prefix, are upper case and sorted, and a numeric user is parsed', () => {
    const main = web({
      security: {
        user: '10001:20002',
        readOnlyRootFilesystem: true,
        capabilities: { add: ['net_bind_service', 'CAP_CHOWN'], drop: ['ALL'] },
        noNewPrivileges: true,
      },
    })._main;
    expect(main.security).toEqual({
      user: '10001:20002',
      uid: 10001,
      gid: 20002,
      readOnlyRootFilesystem: true,
      capabilities: { add: ['CHOWN', 'NET_BIND_SERVICE'], drop: ['ALL'] },
      noNewPrivileges: true,
    });
    expect(Object.isFrozen(shopWith({ security: { user: '1' } }).services[0].main.security.capabilities.add)).toBe(true);
  });

  it('GIVEN a user name WHEN resolved THEN it is kept without a uid', () => {
    expect(web({ security: { user: 'nginx' } })._main.security).toEqual({
      user: 'nginx',
      readOnlyRootFilesystem: false,
      capabilities: { add: [], drop: [] },
      noNewPrivileges: false,
    });
  });

  it('GIVEN a numeric uid:gid WHEN resolved THEN uid and gid are read from it', () => {
    const main = web({ security: { user: '101:101' } })._main;
    expect([main.security.user, main.security.uid, main.security.gid]).toEqual(['101:101', 101, 101]);
  });

  it('GIVEN Security.restricted WHEN resolved THEN it is a numeric non-root user, every capability dropped, no new privileges, a read-only root', () => {
    expect(Security.restricted({ user: '10001' })).toEqual({
      user: '10001',
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      noNewPrivileges: true,
    });
    const main = web({ security: Security.restricted({ user: '10001:10001', add: ['NET_BIND_SERVICE'] }) })._main;
    expect(main.security).toEqual({
      user: '10001:10001',
      uid: 10001,
      gid: 10001,
      readOnlyRootFilesystem: true,
      capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
      noNewPrivileges: true,
    });
  });

  it('GIVEN security on a sidecar and a job WHEN resolved THEN each container carries its own', () => {
    const sys = shop();
    const s = new Service(sys, 'web', { image: NGINX });
    s.addSidecar('shipper', { image: NGINX, security: { readOnlyRootFilesystem: true } });
    new Job(sys, 'migrate', { image: NGINX, security: { noNewPrivileges: true } });
    const spec = sys.toSpec();
    expect(spec.services[0].main.security.readOnlyRootFilesystem).toBe(false);
    expect(spec.services[0].sidecars[0].security.readOnlyRootFilesystem).toBe(true);
    expect(spec.jobs[0].main.security.noNewPrivileges).toBe(true);
  });

  it.each<[string, () => unknown, string]>([
    ['a user name', () => Security.restricted({ user: 'app' }), 'Security.restricted user: must be a numeric uid or uid:gid, so that every target can check it is not root (got "app"). Write e.g. \'10001\' or \'10001:10001\'.'],
    ['root', () => Security.restricted({ user: '0' }), 'Security.restricted user: uid 0 is root (got "0"). Pick a uid the image can run as, e.g. \'10001\'.'],
    ['root with a group', () => Security.restricted({ user: '0:1000' }), 'Security.restricted user: uid 0 is root (got "0:1000"). Pick a uid the image can run as, e.g. \'10001\'.'],
    ['no user', () => Security.restricted({} as { user: string }), 'Security.restricted user: must be a numeric uid or uid:gid, so that every target can check it is not root. Write e.g. \'10001\' or \'10001:10001\'.'],
  ])('GIVEN Security.restricted with %s THEN it throws', (_given, f, message) => {
    expect(modelErrorOf(f)).toBe(message);
  });

  it.each<[string, Partial<SecurityProps> | object, string]>([
    ['security as a list', [] as unknown as object, 'shop/web security: must be an object (got []). Write e.g. security: Security.restricted({ user: \'10001\' }).'],
    ['a user with an empty group', { user: '1000:' }, "shop/web security.user: must be uid, uid:gid or a user name (got \"1000:\"). Write e.g. '1000' or '1000:1000'."],
    ['a uid above 2^31 - 1', { user: '4294967295' }, "shop/web security.user: ids must be at most 2147483647 (got \"4294967295\"). Write e.g. '10001:10001'."],
    ['readOnlyRootFilesystem as a string', { readOnlyRootFilesystem: 'yes' }, 'shop/web security.readOnlyRootFilesystem: must be true or false (got "yes"). Write readOnlyRootFilesystem: true or leave it out.'],
    ['noNewPrivileges as a number', { noNewPrivileges: 1 }, 'shop/web security.noNewPrivileges: must be true or false (got 1). Write noNewPrivileges: true or leave it out.'],
    ['capabilities as a list', { capabilities: ['ALL'] }, "shop/web security.capabilities: must be an object with add and drop (got [\"ALL\"]). Write e.g. capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }."],
    ['add as a string', { capabilities: { add: 'NET_ADMIN' } }, "shop/web security.capabilities.add: must be a list of capability names (got \"NET_ADMIN\"). Write e.g. ['NET_BIND_SERVICE']."],
    [
      'an unknown capability',
      { capabilities: { drop: ['NET_BIND'] } },
      "shop/web security.capabilities.drop[0]: unknown capability (got \"NET_BIND\"). Use a name of capabilities(7) as Docker writes it, e.g. 'NET_BIND_SERVICE' or 'CAP_NET_BIND_SERVICE', or 'ALL'.",
    ],
    ['a capability listed twice', { capabilities: { add: ['NET_ADMIN', 'CAP_NET_ADMIN'] } }, 'shop/web security.capabilities.add[1]: capability already listed at security.capabilities.add[0] (got "CAP_NET_ADMIN"). List each capability once.'],
    ['a capability added and dropped', { capabilities: { add: ['CHOWN'], drop: ['cap_chown'] } }, 'shop/web security.capabilities: a capability is both added and dropped (got ["CHOWN"]). Keep it in one list.'],
    ['groups as a string', { groups: 'render' }, "shop/web security.groups: must be a list of group names or numeric gids (got \"render\"). Write e.g. ['render', '44']."],
    ['a group with a space', { groups: ['render', 'video group'] }, "shop/web security.groups[1]: a group is a name (letters, digits, _ . -) or a numeric gid (got \"video group\"). Write e.g. ['render', '44']."],
    ['a gid as a number', { groups: [44] }, "shop/web security.groups[0]: a gid is written as a string (got 44). Write '44'."],
    ['a gid above 2^31 - 1', { groups: ['4294967295'] }, "shop/web security.groups[0]: a gid must be at most 2147483647 (got \"4294967295\"). Write e.g. ['render', '44']."],
    ['ALL added with a drop', { capabilities: { add: ['ALL'], drop: ['NET_RAW'] } }, 'shop/web security.capabilities.drop: nothing can be dropped when add holds ALL (got ["NET_RAW"]). Remove ALL from add, or drop nothing.'],
  ])('GIVEN %s THEN the constructor throws', (_given, security, message) => {
    expect(modelErrorOf(() => web({ security: security as SecurityProps }))).toBe(message);
  });

  it('GIVEN a top-level user, as JavaScript may still pass, WHEN constructed THEN it throws with its new place', () => {
    expect(modelErrorOf(() => web({ user: '1' } as unknown as Partial<ServiceProps>))).toBe('shop/web user: is set in security.user (got "1"). Write security: { user: "1" }.');
  });
});

describe('tmpfs mode, uid and gid', () => {
  it('GIVEN a tmpfs with mode, uid and gid WHEN resolved THEN they are kept as numbers', () => {
    const m = web({ mounts: [Mount.ephemeral('/tmp', { tmpfs: true, mode: 0o1777, uid: 10001, gid: 0 })] })._main.mounts[0];
    expect(m).toEqual({ kind: 'ephemeral', name: 'tmp', target: '/tmp', tmpfs: true, readOnly: false, mode: 0o1777, uid: 10001, gid: 0 });
  });

  it.each<[string, () => Mount, string]>([
    ['a mode on a disk-backed volume', () => Mount.ephemeral('/cache', { mode: 0o700 }), 'shop/web mounts[0].mode: mode applies to tmpfs mounts only (got 448). Add tmpfs: true, or leave it out.'],
    ['a mode above 0o7777', () => Mount.ephemeral('/run', { tmpfs: true, mode: 0o17777 }), 'shop/web mounts[0].mode: must be a whole number from 0 to 0o7777 (got 8191). Write the permission bits in octal, e.g. 0o1777 or 0o700.'],
    ['a negative uid', () => Mount.ephemeral('/run', { tmpfs: true, uid: -1 }), 'shop/web mounts[0].uid: must be a whole number from 0 to 2147483647 (got -1). Write a numeric id, e.g. 10001.'],
    ['a gid as a string', () => Mount.ephemeral('/run', { tmpfs: true, gid: '10' as unknown as number }), 'shop/web mounts[0].gid: must be a whole number from 0 to 2147483647 (got "10"). Write a numeric id, e.g. 10001.'],
  ])('GIVEN %s THEN the constructor throws', (_given, mount, message) => {
    expect(modelErrorOf(() => web({ mounts: [mount()] }))).toBe(message);
  });
});

function shopWith(props: Partial<Parameters<typeof web>[0]>) {
  const sys = shop();
  new Service(sys, 'web', { image: NGINX, ...props });
  return sys.toSpec();
}
