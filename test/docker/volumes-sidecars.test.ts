import { Image, Mount, Service, System, Volume } from '../../lib/model';
import { callsOf, containerCall, flagValues, nameOf, renderDocker, runScript, withCode } from './docker-test-kit';

const image = Image.of('busybox:1.36');

describe('docker volumes and mounts', () => {
  test('GIVEN a persistent volume mounted read-write and read-only WHEN run THEN docker volume create <app>-<volume> and -v with :ro kept', () => {
    const sys = new System('shop');
    const data = new Volume(sys, 'pgdata', { size: '10Gi' });
    new Service(sys, 'db', { image, mounts: [Mount.volume(data, '/var/lib/data')] });
    new Service(sys, 'backup', { image, mounts: [Mount.volume(data, '/backup', { readOnly: true })] });
    const out = renderDocker(sys);
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(callsOf(run, 'volume', 'create')).toEqual([['volume', 'create', '--label', 'lading.app=shop', 'shop-pgdata']]);
    expect(flagValues(containerCall(run, 'shop-db'), '-v')).toEqual(['shop-pgdata:/var/lib/data']);
    expect(flagValues(containerCall(run, 'shop-backup'), '-v')).toEqual(['shop-pgdata:/backup:ro']);
    expect(withCode(out, 'docker/volume-size')).toEqual([
      expect.objectContaining({ severity: 'info', path: 'shop/pgdata size', message: 'a local Docker volume has no size: 10g is not enforced.' }),
    ]);
  });

  test('GIVEN a volume with a storage class WHEN rendered THEN docker/volume-storage-class', () => {
    const sys = new System('shop');
    const data = new Volume(sys, 'data', { storageClass: 'fast-ssd' });
    new Service(sys, 'db', { image, mounts: [Mount.volume(data, '/data')] });
    expect(withCode(renderDocker(sys), 'docker/volume-storage-class')).toEqual([
      expect.objectContaining({
        severity: 'info',
        path: 'shop/data storageClass',
        message: 'storage class fast-ssd means nothing to docker volume create: the volume uses the local driver.',
      }),
    ]);
  });

  test('GIVEN ephemeral mounts on disk and in memory WHEN run THEN an anonymous -v, and --mount type=tmpfs with its size', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/cache'), Mount.ephemeral('/run/tmp', { tmpfs: true, sizeLimit: '64m' })] });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-web');
    expect(flagValues(call, '-v')).toEqual(['/cache']);
    expect(flagValues(call, '--mount')).toEqual(['type=tmpfs,target=/run/tmp,tmpfs-size=64m']);
  });

  test('GIVEN an ephemeral disk volume with a size limit WHEN rendered THEN docker/ephemeral-size', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/scratch', { sizeLimit: '16m' })] });
    expect(withCode(renderDocker(sys), 'docker/ephemeral-size')).toEqual([
      expect.objectContaining({
        severity: 'info',
        path: 'shop/web mounts[0]',
        message: 'an anonymous volume cannot be limited to 16m: the limit is not enforced.',
      }),
    ]);
  });

  test('GIVEN bind mounts, relative and absolute, one read-only WHEN run THEN -v with the project root resolved at run time', () => {
    const sys = new System('dev');
    new Service(sys, 'box', { image, mounts: [Mount.bind('./apps/devbox/src', '/workspace/src', { readOnly: true }), Mount.bind('/var/run/x.sock', '/x.sock')] });
    const out = renderDocker(sys);
    expect(out.script).toContain('    -v "$root"/apps/devbox/src:/workspace/src:ro \\\n');
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(flagValues(containerCall(run, 'dev-box'), '-v')).toEqual([`${run.root}/apps/devbox/src:/workspace/src:ro`, '/var/run/x.sock:/x.sock']);
  });
});

describe('docker sidecars', () => {
  test('GIVEN a sidecar with volumesFrom WHEN run THEN it starts after its main container in its namespace with --volumes-from, without the inherited mounts', () => {
    // GIVEN
    const sys = new System('shared');
    const data = new Volume(sys, 'shared');
    const writer = new Service(sys, 'writer', { image, mounts: [Mount.volume(data, '/data')], restart: 'unless-stopped' });
    writer.addSidecar('reader', { image, command: ['tail', '-f', '/data/log'], volumesFrom: true, mounts: [Mount.ephemeral('/tmp/own')] });
    // WHEN
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    // THEN
    expect(run.rejected).toEqual([]);
    expect(callsOf(run, 'run').map(nameOf)).toEqual(['shared-writer', 'shared-writer-reader']);
    const sidecar = containerCall(run, 'shared-writer-reader');
    expect(flagValues(sidecar, '--network')).toEqual(['container:shared-writer']);
    expect(flagValues(sidecar, '--volumes-from')).toEqual(['shared-writer']);
    expect(flagValues(sidecar, '--restart')).toEqual(['unless-stopped']);
    expect(flagValues(sidecar, '-v')).toEqual(['/tmp/own']);
    expect(sidecar).not.toContain('--network-alias');
  });

  test('GIVEN a service with 2 replicas and a sidecar WHEN run THEN each replica gets its own sidecar', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image, replicas: 2 });
    web.addSidecar('log', { image });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(callsOf(run, 'run').map((c) => [nameOf(c), flagValues(c, '--network')[0]])).toEqual([
      ['shop-web-1', 'shop-default'],
      ['shop-web-1-log', 'container:shop-web-1'],
      ['shop-web-2', 'shop-default'],
      ['shop-web-2-log', 'container:shop-web-2'],
    ]);
  });

  test('GIVEN a sidecar with volumesFrom of a main container with a tmpfs WHEN rendered THEN docker/tmpfs-not-shared', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/run/cache', { tmpfs: true })] });
    web.addSidecar('reader', { image, volumesFrom: true });
    expect(withCode(renderDocker(sys), 'docker/tmpfs-not-shared')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/web/reader volumesFrom',
        message: 'the tmpfs /run/cache of shop/web (mounts[0]) is not shared through --volumes-from: Docker never shares a tmpfs between containers.',
      }),
    ]);
  });
});
