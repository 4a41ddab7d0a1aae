import { Image, Job, Port, Service, System, type ServiceProps } from '../../lib/model';
import { renderSwarm } from './swarm-test-kit';

function shop(props: Partial<ServiceProps>): System {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], ...props });
  return sys;
}

describe('how a workload runs on Swarm: name, host name, stop and platform', () => {
  test('GIVEN a hostname, a stop signal and grace period and a platform WHEN rendered THEN the stack file keeps them and docker stack config accepts it', () => {
    const r = renderSwarm(shop({ hostname: 'web1', stop: { signal: 'SIGINT', gracePeriod: '45s' }, platform: 'linux/amd64' }));
    const web = r.doc.services.web;
    expect([web.hostname, web.stop_signal, web.stop_grace_period, web.deploy.placement]).toEqual([
      'web1', 'SIGINT', '45s', { constraints: ['node.platform.os == linux', 'node.platform.arch == x86_64'] },
    ]);
  });

  test('GIVEN a container name WHEN rendered THEN it is a network alias, with a note', () => {
    const r = renderSwarm(shop({ containerName: 'front' }));
    expect(r.doc.services.web.networks).toEqual({ default: { aliases: ['front'] } });
    expect(r.diagnostics.find((d) => d.code === 'swarm/container-name')?.message).toBe(
      "Swarm names the task of web itself: front is a network alias, so other services still reach it by that name, but `docker ps` shows the task's name.",
    );
  });

  test('GIVEN tty, stdinOpen and sysctls WHEN rendered THEN the stack file keeps them', () => {
    const web = renderSwarm(shop({ tty: true, stdinOpen: true, sysctls: { 'net.core.somaxconn': '1024' } })).doc.services.web;
    expect([web.tty, web.stdin_open, web.sysctls]).toEqual([true, true, { 'net.core.somaxconn': '1024' }]);
  });

  test('GIVEN service labels WHEN rendered THEN they are deploy.labels of the main service only, apart from the container labels, and the file validates', () => {
    const sys = shop({ labels: { tier: 'web' }, serviceLabels: { 'traefik.enable': 'true', tier: 'edge' } });
    const web = sys.node.findChild('web') as Service;
    web.addSidecar('log-shipper', { image: Image.of('fluent/fluent-bit:3.0') });
    new Job(sys, 'migrate', { image: Image.of('shop/migrate:1'), serviceLabels: { 'com.example.kind': 'migration' } });
    const services = renderSwarm(sys).doc.services;
    expect(services.web.deploy.labels).toEqual({ tier: 'edge', 'traefik.enable': 'true' });
    expect(services.web.labels).toEqual({ tier: 'web' });
    expect(services['web-log-shipper'].deploy?.labels).toBeUndefined();
    expect(services.migrate.deploy.labels).toEqual({ 'com.example.kind': 'migration' });
  });

  test('GIVEN init WHEN rendered THEN the stack file has init: true, and docker stack config accepts it', () => {
    expect(renderSwarm(shop({ init: true })).doc.services.web.init).toBe(true);
  });

  test('GIVEN extra hosts WHEN rendered THEN the stack file lists them as extra_hosts, and docker stack config accepts it', () => {
    expect(renderSwarm(shop({ extraHosts: { 'db.internal': '10.0.0.5' } })).doc.services.web.extra_hosts).toEqual(['db.internal:10.0.0.5']);
  });

  test('GIVEN ulimits WHEN rendered THEN the stack file keeps them, and docker stack config accepts it', () => {
    expect(renderSwarm(shop({ ulimits: { nofile: 65536, memlock: { soft: -1, hard: -1 }, nproc: { soft: 1024, hard: 4096 } } })).doc.services.web.ulimits).toEqual({ memlock: -1, nofile: 65536, nproc: { soft: 1024, hard: 4096 } });
  });

  test('GIVEN devices WHEN rendered THEN the stack file has none, and swarm/devices says the task runs without them', () => {
    const r = renderSwarm(shop({ devices: ['/dev/dri', '/dev/net/tun:/dev/net/tun:rwm', '/dev/video11:/dev/video0:r'] }));
    expect(r.doc.services.web.devices).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === 'swarm/devices')!;
    expect([d.severity, d.path, d.message]).toEqual(['warning', 'shop/web devices', 'a Swarm service cannot be given host devices: web runs without /dev/dri, /dev/net/tun, /dev/video11:/dev/video0:r.']);
  });

  test('GIVEN hostPid WHEN rendered THEN the stack file has no pid, and swarm/host-pid says the task sees only its own processes', () => {
    const r = renderSwarm(shop({ hostPid: true }));
    expect(r.doc.services.web.pid).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === 'swarm/host-pid')!;
    expect([d.path, d.message]).toEqual(['shop/web hostPid', "a Swarm service cannot share the host's process namespace: web sees only its own processes."]);
  });

  test('GIVEN DNS servers WHEN rendered THEN the stack file keeps dns, and docker stack config accepts it', () => {
    expect(renderSwarm(shop({ dns: ['1.1.1.1', '9.9.9.9'] })).doc.services.web.dns).toEqual(['1.1.1.1', '9.9.9.9']);
  });

  test('GIVEN a count of GPUs WHEN rendered THEN the main service reserves the generic resource NVIDIA-GPU, its sidecar none, docker stack config accepts it, and swarm/gpus says what the nodes need', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image: Image.of('nginx:1.27'), gpus: { count: 2 } });
    web.addSidecar('exporter', { image: Image.of('utkuozdemir/nvidia_gpu_exporter:1.2.1') });
    const r = renderSwarm(sys);
    expect(r.doc.services.web.deploy.resources).toEqual({ reservations: { generic_resources: [{ discrete_resource_spec: { kind: 'NVIDIA-GPU', value: 2 } }] } });
    expect(r.doc.services['web-exporter'].deploy.resources).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === 'swarm/gpus')!;
    expect([d.severity, d.path, d.message, d.fix]).toEqual([
      'info',
      'shop/web gpus',
      'web reserves 2 GPUs as the generic resource NVIDIA-GPU: Swarm places its tasks only on nodes that advertise that many.',
      'On each GPU node, list its GPUs in /etc/docker/daemon.json ("node-generic-resources": ["NVIDIA-GPU=GPU-<uuid>"], one per GPU of nvidia-smi -L) with "default-runtime": "nvidia", and set swarm-resource = "DOCKER_RESOURCE_NVIDIA-GPU" in /etc/nvidia-container-runtime/config.toml.',
    ]);
    expect(r.codes).not.toContain('swarm/gpu-capabilities');
  });

  test.each([
    ['all GPUs', { count: 'all' as const }, 'Swarm reserves GPUs by count only (the generic resource NVIDIA-GPU): web cannot be given all GPUs.', 'Give a count, the GPUs a task needs: gpus: { count: 1 }.'],
    ['GPUs by id', { deviceIds: ['0', '1'] }, 'Swarm reserves GPUs by count only (the generic resource NVIDIA-GPU): web cannot be given GPUs 0, 1.', 'Give a count instead of the ids: gpus: { count: 2 }.'],
  ])('GIVEN %s WHEN rendered THEN swarm/gpus-not-counted is an error with the fix', (_, gpus, message, fix) => {
    const r = renderSwarm(shop({ gpus }));
    expect(r.yaml).toBe('');
    const d = r.diagnostics.find((x) => x.code === 'swarm/gpus-not-counted')!;
    expect([d.severity, d.path, d.message, d.fix]).toEqual(['error', 'shop/web gpus', message, fix]);
  });

  test('GIVEN GPU capabilities beyond the default WHEN rendered THEN swarm/gpu-capabilities names the env var to set; with it set, nothing is said', () => {
    const r = renderSwarm(shop({ gpus: { count: 1, capabilities: ['video', 'compute'] } }));
    const d = r.diagnostics.find((x) => x.code === 'swarm/gpu-capabilities')!;
    expect([d.severity, d.path, d.message, d.fix]).toEqual([
      'warning',
      'shop/web gpus.capabilities',
      "a Swarm service asks for no GPU capabilities: web gets the NVIDIA runtime's default (compute, utility), not video.",
      "Add NVIDIA_DRIVER_CAPABILITIES: 'compute,utility,video' to the env of web: the NVIDIA runtime of the node reads it.",
    ]);
    expect(renderSwarm(shop({ gpus: { count: 1, capabilities: ['video'] }, env: { NVIDIA_DRIVER_CAPABILITIES: 'all' } })).codes).not.toContain('swarm/gpu-capabilities');
  });

  test("GIVEN DNS search domains and options WHEN rendered THEN the stack file keeps dns_search, which docker stack config accepts, and leaves dns_opt out with 'swarm/dns-options'", () => {
    const r = renderSwarm(shop({ dns: { search: ['corp.example.com'], options: ['ndots:2', 'use-vc'] } }));
    const web = r.doc.services.web;
    expect([web.dns, web.dns_search, web.dns_opt]).toEqual([undefined, ['corp.example.com'], undefined]);
    const d = r.diagnostics.find((x) => x.code === 'swarm/dns-options')!;
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/web dns.options',
      'a stack file has no dns_opt: web resolves without ndots:2, use-vc.',
      'Run `docker service update --dns-option-add ndots:2 --dns-option-add use-vc shop_web` after each `docker stack deploy`.',
    ]);
  });
});
