import { Image, Mount, Service, System, Volume } from '../../lib/model';
import { renderCompose, serviceBlock, withCode } from './compose-test-kit';

const image = Image.of('postgres:16.4');

describe('compose volumes and mounts', () => {
  test('GIVEN a persistent volume WHEN rendered THEN a top-level volume, a volume mount, and compose/volume-size', () => {
    const sys = new System('shop');
    const pgdata = new Volume(sys, 'pgdata', { size: '10Gi' });
    new Service(sys, 'db', { image, mounts: [Mount.volume(pgdata, '/var/lib/postgresql/data')] });
    const out = renderCompose(sys);
    expect(out.yaml).toMatch(/\nvolumes:\n {2}pgdata: \{\}\n$/);
    expect(serviceBlock(out, 'db')).toContain('    volumes:\n      - source: pgdata\n        target: /var/lib/postgresql/data\n        type: volume\n');
    expect(withCode(out, 'compose/volume-size')).toEqual([
      {
        code: 'compose/volume-size',
        severity: 'info',
        path: 'shop/pgdata size',
        target: 'compose',
        message: 'a Compose volume has no size: 10g is not enforced.',
      },
    ]);
  });

  test('GIVEN a volume with a storage class WHEN rendered THEN compose/volume-storage-class', () => {
    const sys = new System('shop');
    const pgdata = new Volume(sys, 'pgdata', { size: '1Gi', storageClass: 'fast-ssd' });
    new Service(sys, 'db', { image, mounts: [Mount.volume(pgdata, '/data')] });
    expect(withCode(renderCompose(sys), 'compose/volume-storage-class')).toEqual([
      expect.objectContaining({ severity: 'info', path: 'shop/pgdata storageClass', message: 'storage class fast-ssd means nothing to Compose: the volume uses the local driver.' }),
    ]);
  });

  test('GIVEN a read-only volume mount WHEN rendered THEN read_only: true', () => {
    const sys = new System('shop');
    const data = new Volume(sys, 'data', { size: '1Gi' });
    new Service(sys, 'web', { image, mounts: [Mount.volume(data, '/data', { readOnly: true })] });
    expect(serviceBlock(renderCompose(sys), 'web')).toContain('      - read_only: true\n        source: data\n        target: /data\n        type: volume\n');
  });

  test('GIVEN an ephemeral volume WHEN rendered THEN an anonymous volume', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/cache')] });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'web')).toContain('    volumes:\n      - target: /cache\n        type: volume\n');
    expect(out.doc.volumes).toBeUndefined();
  });

  test('GIVEN a tmpfs with a size limit WHEN rendered THEN a tmpfs mount with its size in bytes', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/var/cache/nginx', { tmpfs: true, sizeLimit: '64m' })] });
    expect(serviceBlock(renderCompose(sys), 'web')).toContain('      - target: /var/cache/nginx\n        tmpfs:\n          size: 67108864\n        type: tmpfs\n');
  });

  test('GIVEN an ephemeral disk volume with a size limit WHEN rendered THEN an anonymous volume and compose/ephemeral-size', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/cache', { sizeLimit: '1g' })] });
    const out = renderCompose(sys);
    expect(out.doc.services.web.volumes).toEqual([{ type: 'volume', target: '/cache' }]);
    expect(withCode(out, 'compose/ephemeral-size')).toEqual([
      expect.objectContaining({ severity: 'info', path: 'shop/web mounts[0]', message: 'an anonymous volume cannot be limited to 1g: the limit is not enforced.' }),
    ]);
  });

  test('GIVEN bind mounts, relative and absolute, read-only or not WHEN rendered THEN short syntax, relative sources from the project root', () => {
    const sys = new System('devbox');
    new Service(sys, 'devbox', {
      image,
      mounts: [Mount.bind('./apps/devbox/src', '/workspace/src'), Mount.bind('/var/log', '/host-logs', { readOnly: true }), Mount.bind('../shared', '/shared')],
    });
    expect(serviceBlock(renderCompose(sys), 'devbox')).toContain(
      '    volumes:\n      - ../../../apps/devbox/src:/workspace/src\n      - /var/log:/host-logs:ro\n      - ../../../../shared:/shared\n',
    );
  });
});
