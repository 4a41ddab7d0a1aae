import { Image, Job, Port, Service, System, type ServiceProps } from '../../lib/model';
import { renderCompose, serviceBlock } from './compose-test-kit';

function shop(props: Partial<ServiceProps>): System {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], ...props });
  return sys;
}

describe('how a workload runs on Compose: name, host name, stop, platform, restart and build stage', () => {
  test('GIVEN every runtime prop WHEN rendered THEN the service keeps each under its Compose key, and docker-compose accepts it', () => {
    const r = renderCompose(shop({ containerName: 'front', hostname: 'web1', stop: { signal: 'SIGINT', gracePeriod: '1m30s' }, platform: 'linux/arm64', restart: 'on-failure:3' }));
    const web = r.doc.services.web;
    expect([web.container_name, web.hostname, web.stop_signal, web.stop_grace_period, web.platform, web.restart]).toEqual(['front', 'web1', 'SIGINT', '90s', 'linux/arm64', 'on-failure:3']);
  });

  test('GIVEN an image built from one stage of a Dockerfile WHEN rendered THEN build.target names it', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.build({ context: 'apps/devbox', tag: 'shop/web:dev', target: 'builder' }) });
    expect(renderCompose(sys).doc.services.web.build.target).toBe('builder');
  });

  test('GIVEN an env name with dots WHEN rendered THEN environment keeps it', () => {
    expect(renderCompose(shop({ env: { 'discovery.type': 'single-node' } })).doc.services.web.environment).toEqual({ 'discovery.type': 'single-node' });
  });

  test('GIVEN tty, stdinOpen and sysctls WHEN rendered THEN the service keeps them', () => {
    const web = renderCompose(shop({ tty: true, stdinOpen: true, sysctls: { 'net.core.somaxconn': '1024' } })).doc.services.web;
    expect([web.tty, web.stdin_open, web.sysctls]).toEqual([true, true, { 'net.core.somaxconn': '1024' }]);
  });

  test('GIVEN service labels WHEN rendered THEN they are deploy.labels of the main service only, apart from the container labels, and the file validates', () => {
    const sys = shop({ labels: { tier: 'web' }, serviceLabels: { 'traefik.enable': 'true', tier: 'edge' } });
    const web = sys.node.findChild('web') as Service;
    web.addSidecar('log-shipper', { image: Image.of('fluent/fluent-bit:3.0') });
    new Job(sys, 'migrate', { image: Image.of('shop/migrate:1'), serviceLabels: { 'com.example.kind': 'migration' } });
    const services = renderCompose(sys).doc.services;
    expect(services.web.deploy.labels).toEqual({ tier: 'edge', 'traefik.enable': 'true' });
    expect(services.web.labels).toEqual({ tier: 'web' });
    expect(services['web-log-shipper'].deploy?.labels).toBeUndefined();
    expect(services.migrate.deploy.labels).toEqual({ 'com.example.kind': 'migration' });
  });

  test('GIVEN init WHEN rendered THEN the service has init: true, and docker-compose accepts it', () => {
    expect(renderCompose(shop({ init: true })).doc.services.web.init).toBe(true);
    expect(renderCompose(shop({})).doc.services.web.init).toBeUndefined();
  });

  test('GIVEN extra hosts WHEN rendered THEN extra_hosts lists host:address, host-gateway included', () => {
    expect(renderCompose(shop({ extraHosts: { 'host.docker.internal': 'host-gateway', 'db.internal': '10.0.0.5', 'cache.internal': '10.0.0.5' } })).doc.services.web.extra_hosts).toEqual([
      'cache.internal:10.0.0.5',
      'db.internal:10.0.0.5',
      'host.docker.internal:host-gateway',
    ]);
  });

  test('GIVEN ulimits WHEN rendered THEN ulimits has a number where both limits agree, else soft and hard', () => {
    expect(renderCompose(shop({ ulimits: { nofile: 65536, memlock: { soft: -1, hard: -1 }, nproc: { soft: 1024, hard: 4096 } } })).doc.services.web.ulimits).toEqual({ memlock: -1, nofile: 65536, nproc: { soft: 1024, hard: 4096 } });
  });

  test('GIVEN devices WHEN rendered THEN devices lists each as docker run --device writes it', () => {
    expect(renderCompose(shop({ devices: ['/dev/dri', '/dev/net/tun:/dev/net/tun:rwm', '/dev/video11:/dev/video0:r'] })).doc.services.web.devices).toEqual(['/dev/dri', '/dev/net/tun', '/dev/video11:/dev/video0:r']);
  });

  test('GIVEN hostPid WHEN rendered THEN the service has pid: host', () => {
    expect(renderCompose(shop({ hostPid: true })).doc.services.web.pid).toBe('host');
  });

  test('GIVEN DNS servers WHEN rendered THEN dns lists them in order', () => {
    expect(renderCompose(shop({ dns: ['1.1.1.1', '9.9.9.9'] })).doc.services.web.dns).toEqual(['1.1.1.1', '9.9.9.9']);
  });

  test('GIVEN gpus WHEN rendered THEN the main service reserves them as NVIDIA devices, its sidecar none, and the schema and docker-compose accept it', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image: Image.of('nginx:1.27'), gpus: { count: 2, capabilities: ['video'] }, resources: { memoryReservation: '1g' } });
    web.addSidecar('exporter', { image: Image.of('utkuozdemir/nvidia_gpu_exporter:1.2.1'), resources: { memoryReservation: '64m' } });
    const r = renderCompose(sys);
    expect(r.doc.services['web-exporter'].deploy.resources.reservations).toEqual({ memory: '64M' });
    expect(r.doc.services.web.deploy.resources.reservations).toEqual({ memory: '1G', devices: [{ capabilities: ['gpu', 'video'], count: 2, driver: 'nvidia' }] });
    expect(serviceBlock(r, 'web')).toContain('          devices:\n            - capabilities:\n                - gpu\n                - video\n              count: 2\n              driver: nvidia\n');
  });

  test.each([
    ['all of them', { count: 'all' as const }, { capabilities: ['gpu'], count: 'all', driver: 'nvidia' }],
    ['GPUs by id', { deviceIds: ['0', 'GPU-3a2c9f1e'] }, { capabilities: ['gpu'], device_ids: ['0', 'GPU-3a2c9f1e'], driver: 'nvidia' }],
  ])('GIVEN gpus as %s WHEN rendered THEN the device reservation says so', (_, gpus, reservation) => {
    expect(renderCompose(shop({ gpus })).doc.services.web.deploy.resources.reservations.devices).toEqual([reservation]);
  });

  test('GIVEN DNS servers, search domains and options WHEN rendered THEN dns, dns_search and dns_opt keep them in order, and docker-compose accepts them', () => {
    const web = renderCompose(shop({ dns: { servers: ['10.0.0.2'], search: ['corp.example.com', 'example.com'], options: ['ndots:2', 'use-vc'] } })).doc.services.web;
    expect([web.dns, web.dns_search, web.dns_opt]).toEqual([['10.0.0.2'], ['corp.example.com', 'example.com'], ['ndots:2', 'use-vc']]);
  });
});
