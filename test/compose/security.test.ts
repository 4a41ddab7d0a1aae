import { Image, Job, Mount, Security, Service, System } from '../../lib/model';
import { renderCompose, serviceBlock } from './compose-test-kit';

describe('compose security keys', () => {
  test('GIVEN the full security vocabulary WHEN rendered THEN user, read_only, cap_add, cap_drop and security_opt', () => {
    const sys = new System('shop');
    new Service(sys, 'web', {
      image: Image.of('nginx:1.27'),
      security: { user: '101:101', readOnlyRootFilesystem: true, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, noNewPrivileges: true },
    });
    const web = renderCompose(sys).doc.services.web;
    expect(web.user).toBe('101:101');
    expect(web.read_only).toBe(true);
    expect(web.cap_add).toEqual(['NET_BIND_SERVICE']);
    expect(web.cap_drop).toEqual(['ALL']);
    expect(web.security_opt).toEqual(['no-new-privileges:true']);
  });

  test('GIVEN no security WHEN rendered THEN none of the security keys', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    const web = renderCompose(sys).doc.services.web;
    for (const key of ['user', 'read_only', 'cap_add', 'cap_drop', 'security_opt', 'tmpfs']) expect(web).not.toHaveProperty(key);
  });

  test('GIVEN a job and a sidecar with Security.restricted WHEN rendered THEN both services carry it', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    web.addSidecar('log-shipper', { image: Image.of('fluent/fluent-bit:3.0'), security: Security.restricted({ user: '10001' }) });
    new Job(sys, 'migrate', { image: Image.of('shop/migrate:1.0'), security: Security.restricted({ user: '10001' }) });
    const out = renderCompose(sys);
    for (const name of ['web-log-shipper', 'migrate']) {
      expect(out.doc.services[name]).toMatchObject({ user: '10001', read_only: true, cap_drop: ['ALL'], security_opt: ['no-new-privileges:true'] });
    }
  });

  test('GIVEN a tmpfs with mode, uid and gid WHEN rendered THEN a tmpfs entry with its options, and no volume for it', () => {
    const sys = new System('shop');
    new Service(sys, 'web', {
      image: Image.of('nginx:1.27'),
      mounts: [Mount.ephemeral('/run', { tmpfs: true, sizeLimit: '1m', mode: 0o1777, uid: 101, gid: 102 }), Mount.ephemeral('/tmp', { tmpfs: true })],
    });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'web')).toContain('    tmpfs:\n      - /run:size=1048576,mode=1777,uid=101,gid=102\n');
    expect(out.doc.services.web.volumes).toEqual([{ type: 'tmpfs', target: '/tmp' }]);
  });

  test('GIVEN supplementary groups WHEN rendered THEN group_add lists them as given', () => {
    const sys = new System('shop');
    new Service(sys, 'jellyfin', { image: Image.of('jellyfin/jellyfin:10.9.7'), security: { groups: ['render', '44'] } });
    expect(renderCompose(sys).doc.services.jellyfin.group_add).toEqual(['render', '44']);
  });
});
