import { Image, Mount, Service, System } from '../../lib/model';
import { containerCall, flagValues, renderDocker, runScript } from './docker-test-kit';

const image = Image.of('nginx:1.27');

describe('docker run security flags', () => {
  test('GIVEN the full security vocabulary WHEN run THEN --user, --read-only, --cap-add, --cap-drop and --security-opt, which the client accepts', () => {
    const sys = new System('shop');
    new Service(sys, 'web', {
      image,
      security: { user: '101:101', readOnlyRootFilesystem: true, capabilities: { add: ['CHOWN', 'NET_BIND_SERVICE'], drop: ['ALL'] }, noNewPrivileges: true },
    });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-web');
    expect(flagValues(call, '--user')).toEqual(['101:101']);
    expect(call).toContain('--read-only');
    expect(flagValues(call, '--cap-add')).toEqual(['CHOWN', 'NET_BIND_SERVICE']);
    expect(flagValues(call, '--cap-drop')).toEqual(['ALL']);
    expect(flagValues(call, '--security-opt')).toEqual(['no-new-privileges']);
  });

  test('GIVEN no security WHEN run THEN none of those flags', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image });
    const call = containerCall(runScript(renderDocker(sys)), 'shop-web');
    for (const flag of ['--user', '--read-only', '--cap-add', '--cap-drop', '--security-opt']) expect(call).not.toContain(flag);
  });

  test('GIVEN a tmpfs with mode, uid and gid WHEN run THEN --tmpfs path:options; a plain tmpfs stays a --mount', () => {
    const sys = new System('shop');
    new Service(sys, 'web', {
      image,
      mounts: [Mount.ephemeral('/run', { tmpfs: true, sizeLimit: '1m', mode: 0o1777, uid: 101, gid: 102, readOnly: false }), Mount.ephemeral('/tmp', { tmpfs: true })],
    });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-web');
    expect(flagValues(call, '--tmpfs')).toEqual(['/run:size=1048576,mode=1777,uid=101,gid=102']);
    expect(flagValues(call, '--mount')).toEqual(['type=tmpfs,target=/tmp']);
  });

  test('GIVEN supplementary groups WHEN rendered THEN docker run passes --group-add for each', () => {
    const sys = new System('shop');
    new Service(sys, 'jellyfin', { image: Image.of('jellyfin/jellyfin:10.9.7'), security: { groups: ['render', '44'] } });
    const script = renderDocker(sys).script;
    for (const flag of ['--group-add render', '--group-add 44']) expect(script).toContain(flag);
  });
});
