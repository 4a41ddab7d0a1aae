import { Image, Mount, Port, Service, System, Volume } from '../../lib/model';
import { renderCompose, serviceBlock, withCode } from './compose-test-kit';

const image = Image.of('busybox:1.36');

describe('compose sidecars', () => {
  test('GIVEN a sidecar with volumesFrom WHEN rendered THEN a service <main>-<sidecar> in the main one\'s network namespace, with its volumes and no ports', () => {
    const sys = new System('shared-data');
    const shared = new Volume(sys, 'shared', { size: '1Gi' });
    const writer = new Service(sys, 'writer', { image, ports: [Port.tcp(8080)], mounts: [Mount.volume(shared, '/data')], restart: 'unless-stopped' });
    writer.addSidecar('reader', { image, command: ['tail', '-f', '/data/log.txt'], volumesFrom: true });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'writer-reader')).toBe(
      [
        '  writer-reader:',
        '    command:',
        '      - tail',
        '      - -f',
        '      - /data/log.txt',
        '    deploy:',
        '      replicas: 1',
        '    image: busybox:1.36',
        '    network_mode: service:writer',
        '    restart: unless-stopped',
        '    volumes_from:',
        '      - writer',
        '',
      ].join('\n'),
    );
    expect(withCode(out, 'compose/sidecar-stack')).toEqual([
      {
        code: 'compose/sidecar-stack',
        severity: 'info',
        path: 'shared-data/writer/reader',
        target: 'compose',
        message: 'writer-reader joins writer through network_mode and volumes_from, which work with `docker compose up` only: a swarm ignores them.',
        fix: 'Deploy this file with `docker compose up`; for a swarm, use `lading synth --target swarm`, or a target that runs the containers together (Kubernetes, ECS).',
      },
    ]);
  });

  test('GIVEN a sidecar without volumesFrom and with a mount of its own WHEN rendered THEN no volumes_from, only its own volume', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/cache')] });
    web.addSidecar('shipper', { image, volumesFrom: false, mounts: [Mount.ephemeral('/spool')] });
    const out = renderCompose(sys);
    expect(out.doc.services['web-shipper'].volumes_from).toBeUndefined();
    expect(out.doc.services['web-shipper'].volumes).toEqual([{ type: 'volume', target: '/spool' }]);
    expect(out.doc.services['web-shipper'].network_mode).toBe('service:web');
  });

  test('GIVEN a sidecar with volumesFrom and a mount of its own WHEN rendered THEN volumes_from plus only its own mount', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/cache')] });
    web.addSidecar('shipper', { image, mounts: [Mount.ephemeral('/spool')] });
    const out = renderCompose(sys);
    expect(out.doc.services['web-shipper'].volumes_from).toEqual(['web']);
    expect(out.doc.services['web-shipper'].volumes).toEqual([{ type: 'volume', target: '/spool' }]);
  });

  test('GIVEN a main container with a tmpfs and a sidecar with volumesFrom WHEN rendered THEN compose/tmpfs-not-shared', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/scratch', { tmpfs: true })] });
    web.addSidecar('reader', { image });
    expect(withCode(renderCompose(sys), 'compose/tmpfs-not-shared')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/web/reader volumesFrom',
        message: 'the tmpfs /scratch of shop/web (mounts[0]) is not shared: this container gets its own, empty tmpfs there.',
      }),
    ]);
  });

  test('GIVEN a service with 2 replicas and a sidecar WHEN rendered THEN the sidecar has 2 replicas and compose/sidecar-replicas', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image, replicas: 2 });
    web.addSidecar('shipper', { image });
    const out = renderCompose(sys);
    expect(out.doc.services['web-shipper'].deploy.replicas).toBe(2);
    expect(withCode(out, 'compose/sidecar-replicas')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/web replicas',
        message: 'each of the 2 replicas of web-shipper joins the first container of web, not one replica each.',
      }),
    ]);
  });

  test('GIVEN two sidecars whose service names coincide WHEN rendered THEN compose/service-name-collision stops the output', () => {
    const sys = new System('shop');
    new Service(sys, 'a', { image }).addSidecar('b-c', { image });
    new Service(sys, 'a-b', { image }).addSidecar('c', { image });
    const out = renderCompose(sys);
    expect(out.result.files).toEqual([]);
    expect(withCode(out, 'compose/service-name-collision')).toEqual([
      {
        code: 'compose/service-name-collision',
        severity: 'error',
        path: 'shop/a-b/c name',
        target: 'compose',
        message: 'sidecar c of a-b would be the Compose service a-b-c, which is already the name of another service.',
        fix: 'Rename the sidecar or the other service.',
      },
    ]);
  });
});
