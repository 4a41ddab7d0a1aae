import { Image, Mount, Service, System, Volume } from '../../lib/model';
import { renderSwarm, withCode } from './swarm-test-kit';

const image = Image.of('busybox:1.36');

describe('swarm volumes and mounts', () => {
  test('GIVEN a named volume WHEN rendered THEN a top-level volume, and it is said to be local to one node, without a size or class', () => {
    const sys = new System('shop');
    const data = new Volume(sys, 'pgdata', { size: '10Gi', storageClass: 'fast' });
    new Service(sys, 'db', { image, mounts: [Mount.volume(data, '/var/lib/postgresql/data', { readOnly: true })] });
    const out = renderSwarm(sys);
    expect(out.doc.volumes).toEqual({ pgdata: {} });
    expect(out.doc.services.db.volumes).toEqual([{ type: 'volume', source: 'pgdata', target: '/var/lib/postgresql/data', read_only: true }]);
    expect(out.diagnostics.map((d) => [d.code, d.severity, d.path, d.message, d.fix])).toEqual([
      [
        'swarm/volume-node-local',
        'info',
        'shop/pgdata',
        'volume pgdata is local to the node that runs db: a task moved to another node starts with an empty volume.',
        'Pin the services that mount it to one node (`docker node update --label-add`, then a placement constraint), or use a volume plugin that shares storage between nodes.',
      ],
      ['swarm/volume-size', 'info', 'shop/pgdata size', 'a local Swarm volume has no size: 10g is not enforced.', undefined],
      ['swarm/volume-storage-class', 'info', 'shop/pgdata storageClass', 'storage class fast means nothing to Swarm: the volume uses the local driver.', undefined],
    ]);
  });

  test('GIVEN ephemeral mounts WHEN rendered THEN tmpfs with its size, an anonymous volume whose size is said with swarm/ephemeral-size', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/run', { tmpfs: true, sizeLimit: '64m' }), Mount.ephemeral('/cache', { sizeLimit: '1g' })] });
    const out = renderSwarm(sys);
    expect(out.doc.services.web.volumes).toEqual([
      { type: 'tmpfs', target: '/run', tmpfs: { size: 67108864 } },
      { type: 'volume', target: '/cache' },
    ]);
    expect(withCode(out, 'swarm/ephemeral-size')).toEqual([
      {
        code: 'swarm/ephemeral-size',
        severity: 'info',
        path: 'shop/web mounts[1]',
        target: 'swarm',
        message: 'an anonymous volume cannot be limited to 1g: the limit is not enforced.',
        fix: 'Make it a tmpfs mount (Mount.ephemeral(target, { tmpfs: true, sizeLimit })) to have the limit enforced.',
      },
    ]);
  });

  test('GIVEN a bind the built image carries WHEN rendered THEN it is left out, with swarm/bind-in-image instead of swarm/bind-relative', () => {
    const sys = new System('shop');
    const built = Image.build({ context: 'apps/devbox', tag: 'shop/dev:dev' });
    new Service(sys, 'dev', { image: built, mounts: [Mount.bind('./apps/devbox', '/workspace', { inImage: true }), Mount.ephemeral('/cache')] });
    const out = renderSwarm(sys);
    expect(out.doc.services.dev.volumes).toEqual([{ type: 'volume', target: '/cache' }]);
    expect(out.diagnostics.filter((d) => d.code.includes('bind')).map((d) => [d.code, d.severity, d.path, d.message])).toEqual([
      [
        'swarm/bind-in-image',
        'info',
        'shop/dev mounts[0]',
        'the image built from apps/devbox (Dockerfile) carries ./apps/devbox at /workspace, so the bind mount is left out: the container sees the files as of the build; live edits need Compose or docker',
      ],
    ]);
  });

  test('GIVEN relative and absolute bind mounts WHEN rendered THEN long-syntax binds and a located warning for each', () => {
    const sys = new System('shop');
    new Service(sys, 'dev', { image, mounts: [Mount.bind('./src', '/app/src'), Mount.bind('/etc/ssl/certs', '/certs', { readOnly: true })] });
    const out = renderSwarm(sys);
    expect(out.doc.services.dev.volumes).toEqual([
      { type: 'bind', source: '../../../src', target: '/app/src' },
      { type: 'bind', source: '/etc/ssl/certs', target: '/certs', read_only: true },
    ]);
    expect(out.diagnostics.map((d) => [d.code, d.severity, d.path, d.message, d.fix])).toEqual([
      [
        'swarm/bind-relative',
        'warning',
        'shop/dev mounts[0]',
        '`docker stack deploy` turns ./src into an absolute path on the deploying machine; dev sees that path on the node that runs it, which is another machine on a swarm of several nodes.',
        'Deploy from the project folder to a single-node swarm, or mount a volume instead, or give an absolute path that exists on every node.',
      ],
      [
        'swarm/bind-mount',
        'warning',
        'shop/dev mounts[1]',
        'dev mounts /etc/ssl/certs of whichever node runs it: the folder must exist on every node.',
        'Create the folder on every node, or pin the service to one node, or mount a volume instead.',
      ],
    ]);
  });
});
