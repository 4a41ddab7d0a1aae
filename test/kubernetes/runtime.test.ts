import { Image, Port, Service, System, type ServiceProps } from '../../lib/model';
import { render } from './render';

function shop(props: Partial<ServiceProps>): System {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], ...props });
  return sys;
}

describe('how a workload runs on Kubernetes: name, host name, stop, platform and restart', () => {
  test('GIVEN a hostname, a grace period and a platform WHEN rendered THEN the pod spec carries them', () => {
    const r = render(shop({ hostname: 'web1', stop: { gracePeriod: '45s' }, platform: 'linux/arm64' }));
    const pod = r.pod('web').spec;
    expect([pod.hostname, pod.terminationGracePeriodSeconds, pod.nodeSelector]).toEqual(['web1', 45, { 'kubernetes.io/arch': 'arm64', 'kubernetes.io/os': 'linux' }]);
  });

  test('GIVEN a stop signal WHEN rendered THEN a warning says the kubelet sends the image\'s and how to fix it', () => {
    const d = render(shop({ stop: { signal: 'SIGINT' } })).diagnostic('kubernetes/stop-signal');
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/web stop.signal',
      "a pod cannot choose its stop signal: the kubelet sends web the image's STOPSIGNAL, SIGTERM unless the Dockerfile says otherwise, not SIGINT",
      'Write STOPSIGNAL SIGINT in the Dockerfile, which every target honours (or add a preStop hook that sends SIGINT to process 1).',
    ]);
  });

  test('GIVEN a container name WHEN rendered THEN a second Service of the same pods carries it', () => {
    const r = render(shop({ containerName: 'front' }));
    expect(r.get('Service', 'front').spec.selector).toEqual(r.get('Service', 'web').spec.selector);
    expect(r.get('Service', 'front').spec.ports).toEqual(r.get('Service', 'web').spec.ports);
    expect(r.diagnostic('kubernetes/container-alias').message).toBe("a Deployment names its pods itself: front is a second Service of web's pods, so other pods still reach it by that name");
  });

  test('GIVEN a container name that is not a DNS label WHEN rendered THEN no Service is made and a warning says so', () => {
    const r = render(shop({ containerName: 'Front_1' }));
    expect(r.has('Service', 'Front_1')).toBe(false);
    expect(r.diagnostic('kubernetes/container-name').message).toBe('Front_1 is not a DNS label, so no Service can carry it: other pods reach web only as web');
  });

  test.each(['no', 'on-failure:3'] as const)('GIVEN a service that restarts %s WHEN rendered THEN it is a Deployment, with a note', (restart) => {
    const r = render(shop({ restart }));
    expect(r.get('Deployment', 'web').kind).toBe('Deployment');
    expect(r.diagnostic('kubernetes/service-restart').message).toBe(
      `a Deployment restarts its pods whenever they stop: '${restart}' behaves as 'always', so a server that exits is started again`,
    );
  });

  test('GIVEN an env name with dots WHEN rendered THEN the container gets it as written', () => {
    const r = render(shop({ env: { 'discovery.type': 'single-node' } }));
    expect(r.container('web').env).toEqual([{ name: 'discovery.type', value: 'single-node' }]);
  });

  test('GIVEN tty, stdinOpen and sysctls WHEN rendered THEN the container and the pod carry them, and an unsafe sysctl is reported', () => {
    const r = render(shop({ tty: true, stdinOpen: true, sysctls: { 'net.core.somaxconn': '1024', 'net.ipv4.tcp_syncookies': '1' } }));
    expect([r.container('web').tty, r.container('web').stdin]).toEqual([true, true]);
    expect(r.pod('web').spec.securityContext.sysctls).toEqual([{ name: 'net.core.somaxconn', value: '1024' }, { name: 'net.ipv4.tcp_syncookies', value: '1' }]);
    expect(r.diagnostics.filter((d) => d.code === 'kubernetes/unsafe-sysctl').map((d) => d.message)).toEqual([
      'net.core.somaxconn is not one of the sysctls a kubelet allows by default: the pod of web is refused (SysctlForbidden) on a node that does not allow it',
    ]);
  });

  test('GIVEN init WHEN rendered THEN the pod shares one process namespace', () => {
    expect(render(shop({ init: true })).pod('web').spec.shareProcessNamespace).toBe(true);
    expect(render(shop({})).pod('web').spec.shareProcessNamespace).toBeUndefined();
  });

  test('GIVEN an empty entrypoint and a command WHEN rendered THEN the command is the container command, with no args, as Docker runs it', () => {
    const c = render(shop({ entrypoint: [], command: ['nginx', '-g', 'daemon off;'] })).container('web');
    expect([c.command, c.args]).toEqual([['nginx', '-g', 'daemon off;'], undefined]);
  });

  test('GIVEN extra hosts WHEN rendered THEN the pod has hostAliases by address, and kubernetes/extra-hosts says host-gateway is left out', () => {
    const r = render(shop({ extraHosts: { 'host.docker.internal': 'host-gateway', 'db.internal': '10.0.0.5', 'cache.internal': '10.0.0.5' } }));
    expect(r.pod('web').spec.hostAliases).toEqual([{ ip: '10.0.0.5', hostnames: ['cache.internal', 'db.internal'] }]);
    const d = r.diagnostic('kubernetes/host-aliases');
    expect([d.severity, d.path, d.message]).toEqual([
      'warning',
      'shop/web extraHosts.host.docker.internal',
      'Kubernetes has no host-gateway: web cannot resolve host.docker.internal to the node it runs on',
    ]);
  });

  test('GIVEN extra hosts on the host network WHEN rendered THEN the pod has hostAliases, which the kubelet appends to the node\'s /etc/hosts, and only host-gateway is reported', () => {
    const sys = new System('shop');
    new Service(sys, 'agent', { image: Image.of('prom/node-exporter:v1.8.0'), hostNetwork: true, extraHosts: { 'db.internal': '10.0.0.5', 'host.docker.internal': 'host-gateway' } });
    const r = render(sys);
    expect([r.pod('agent').spec.hostNetwork, r.pod('agent').spec.hostAliases]).toEqual([true, [{ ip: '10.0.0.5', hostnames: ['db.internal'] }]]);
    expect(r.diagnostics.filter((d) => d.code === 'kubernetes/host-aliases').map((d) => d.path)).toEqual(['shop/agent extraHosts.host.docker.internal']);
  });

  test('GIVEN hostPid WHEN rendered THEN the pod has hostPID', () => {
    expect(render(shop({ hostPid: true })).pod('web').spec.hostPID).toBe(true);
    expect(render(shop({})).pod('web').spec.hostPID).toBeUndefined();
  });
});
