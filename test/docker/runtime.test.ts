import { Image, Port, Service, System, type ServiceProps } from '../../lib/model';
import { containerCall, flagValues, renderDocker, runScript } from './docker-test-kit';

function shop(props: Partial<ServiceProps>): System {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], ...props });
  return sys;
}

describe('how a workload runs with docker: name, host name, stop, platform and build stage', () => {
  test('GIVEN every runtime prop WHEN rendered THEN docker run names the container and passes each flag', () => {
    const script = renderDocker(shop({ containerName: 'front', hostname: 'web1', stop: { signal: 'SIGINT', gracePeriod: '45s' }, platform: 'linux/amd64' })).script;
    for (const flag of ['--name front', '--hostname web1', '--stop-signal SIGINT', '--stop-timeout 45', '--platform linux/amd64']) expect(script).toContain(flag);
  });

  test('GIVEN an image built from one stage WHEN rendered THEN docker build passes --target', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.build({ context: 'apps/devbox', tag: 'shop/web:dev', target: 'builder' }) });
    expect(renderDocker(sys).script).toContain('--target builder');
  });

  test('GIVEN tty, stdinOpen and sysctls WHEN rendered THEN docker run passes -t, -i and --sysctl', () => {
    const script = renderDocker(shop({ tty: true, stdinOpen: true, sysctls: { 'net.core.somaxconn': '1024' } })).script;
    for (const flag of [' -t', ' -i', '--sysctl net.core.somaxconn=1024']) expect(script).toContain(flag);
  });

  test('GIVEN service labels WHEN rendered THEN docker/service-labels says docker run sets them nowhere; the container labels stay', () => {
    const r = renderDocker(shop({ labels: { tier: 'web' }, serviceLabels: { 'traefik.enable': 'true' } }));
    expect(r.script).toContain('--label tier=web');
    expect(r.script).not.toContain('traefik.enable');
    const d = r.diagnostics.find((x) => x.code === 'docker/service-labels')!;
    expect([d.severity, d.path, d.message, d.fix]).toEqual([
      'info',
      'shop/web serviceLabels',
      'docker run creates a container, not a service: the service labels of web (traefik.enable) are set nowhere, and a tool that reads labels sees none of them.',
      'Move them to labels to have them on the container (docker run --label), or run web on Compose, Swarm, Kubernetes or ECS.',
    ]);
  });

  test('GIVEN init WHEN rendered THEN docker run passes --init', () => {
    expect(renderDocker(shop({ init: true })).script).toContain(' --init');
    expect(renderDocker(shop({})).script).not.toContain('--init');
  });

  test('GIVEN extra hosts WHEN rendered THEN docker run passes --add-host for each', () => {
    const script = renderDocker(shop({ extraHosts: { 'host.docker.internal': 'host-gateway', 'db.internal': '10.0.0.5', 'cache.internal': '10.0.0.5' } })).script;
    for (const flag of ['--add-host cache.internal:10.0.0.5', '--add-host db.internal:10.0.0.5', '--add-host host.docker.internal:host-gateway']) expect(script).toContain(flag);
  });

  test('GIVEN ulimits WHEN rendered THEN docker run passes --ulimit name=soft:hard for each', () => {
    const script = renderDocker(shop({ ulimits: { nofile: 65536, memlock: { soft: -1, hard: -1 }, nproc: { soft: 1024, hard: 4096 } } })).script;
    for (const flag of ['--ulimit memlock=-1', '--ulimit nofile=65536', '--ulimit nproc=1024:4096']) expect(script).toContain(flag);
  });

  test('GIVEN devices WHEN rendered THEN docker run passes --device for each', () => {
    const script = renderDocker(shop({ devices: ['/dev/dri', '/dev/net/tun:/dev/net/tun:rwm', '/dev/video11:/dev/video0:r'] })).script;
    for (const flag of ['--device /dev/dri ', '--device /dev/net/tun ', '--device /dev/video11:/dev/video0:r']) expect(script).toContain(flag);
  });

  test('GIVEN hostPid WHEN rendered THEN docker run passes --pid host', () => {
    expect(renderDocker(shop({ hostPid: true })).script).toContain('--pid host');
  });

  test('GIVEN DNS servers WHEN rendered THEN docker run passes --dns for each', () => {
    const script = renderDocker(shop({ dns: ['1.1.1.1', '9.9.9.9'] })).script;
    for (const flag of ['--dns 1.1.1.1', '--dns 9.9.9.9']) expect(script).toContain(flag);
  });

  test.each([
    ['a count', { count: 2 }, '--gpus 2 ', '2'],
    ['all of them', { count: 'all' as const }, '--gpus all ', 'all'],
    ['GPUs by id, one CSV field', { deviceIds: ['0', '1'] }, `--gpus '"device=0,1"'`, '"device=0,1"'],
    ['a count and capabilities', { count: 1, capabilities: ['gpu', 'video', 'compute'] }, `--gpus '1,"capabilities=compute,video"'`, '1,"capabilities=compute,video"'],
  ])('GIVEN gpus as %s WHEN run THEN docker run passes --gpus, quoted for sh, and the docker client parses it', (_, gpus, text, value) => {
    const out = renderDocker(shop({ gpus }));
    expect(out.script).toContain(text);
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(flagValues(containerCall(run, 'shop-web'), '--gpus')).toEqual([value]);
  });

  test('GIVEN DNS search domains and options WHEN run THEN docker run passes --dns-search and --dns-option for each, which shellcheck and the docker client accept', () => {
    const run = runScript(renderDocker(shop({ dns: { servers: ['10.0.0.2'], search: ['corp.example.com'], options: ['ndots:2', 'use-vc'] } })), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-web');
    expect([flagValues(call, '--dns'), flagValues(call, '--dns-search'), flagValues(call, '--dns-option')]).toEqual([['10.0.0.2'], ['corp.example.com'], ['ndots:2', 'use-vc']]);
  });
});
