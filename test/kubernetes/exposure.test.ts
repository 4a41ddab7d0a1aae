import { Image, Port, Service, System } from '../../lib/model';
import { EXTERNAL, NetworkPolicyEvaluator } from '../support/network-policy-evaluator';
import { validateManifest } from '../support/kubernetes-validators';
import { render } from './render';

const image = Image.of('postgres:16.4');

describe('Kubernetes: host address and source CIDR blocks of a published port', () => {
  test('GIVEN a port bound to loopback WHEN rendered THEN it is in the ClusterIP Service only, with kubernetes/loopback-port', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image, ports: [Port.tcp(5432).publish(15432, { hostIp: '127.0.0.1' })] });
    const r = render(sys);
    expect(validateManifest(r.yaml)).toEqual([]);
    expect(r.objects.filter((o) => o.kind === 'Service').map((o) => [o.metadata?.name, (o.spec as any).type])).toEqual([['db', 'ClusterIP']]);
    expect(r.objects.filter((o) => o.kind === 'NetworkPolicy').map((o) => o.metadata?.name)).toEqual(['shop-network-default']);
    const d = r.diagnostic('kubernetes/loopback-port');
    expect([d.severity, d.path, d.message, d.fix]).toEqual([
      'info',
      'shop/db ports[0]',
      "port 5432/tcp is bound to the host's loopback (127.0.0.1), so only the host reaches it: it is not published, only the ClusterIP Service db has it",
      'Reach it from your machine with `kubectl port-forward service/db 15432:5432`.',
    ]);
  });

  test('GIVEN a namespace WHEN a loopback port is rendered THEN the port-forward command names it', () => {
    const sys = new System('shop', { targetOptions: { kubernetes: { namespace: 'prod' } } });
    new Service(sys, 'db', { image, ports: [Port.tcp(5432).publish(undefined, { hostIp: '::1' })] });
    expect(render(sys).diagnostic('kubernetes/loopback-port').fix).toBe('Reach it from your machine with `kubectl port-forward -n prod service/db 5432:5432`.');
  });

  test('GIVEN a port bound to another host address WHEN rendered THEN it is not published either, with kubernetes/host-ip', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image, ports: [Port.tcp(5432).publish(undefined, { hostIp: '192.168.1.10' })] });
    const r = render(sys);
    expect(r.has('Service', 'db-nodeport')).toBe(false);
    const d = r.diagnostic('kubernetes/host-ip');
    expect([d.severity, d.message]).toEqual([
      'warning',
      'port 5432/tcp is bound to host address 192.168.1.10, which a pod does not have: it is not published, only the ClusterIP Service db has it',
    ]);
  });

  test('GIVEN ports with and without source CIDR blocks WHEN rendered THEN one LoadBalancer per set of sources, and the policy admits only those', () => {
    const sys = new System('shop');
    new Service(sys, 'db', {
      image,
      ports: [Port.tcp(5432).publish(5432, { from: ['10.0.0.0/8'] }), Port.tcp(8080).publish(80), Port.udp(53).publish(undefined, { from: ['192.168.0.0/16'] })],
    });
    const r = render(sys);
    expect(validateManifest(r.yaml)).toEqual([]);
    const open = r.get('Service', 'db-lb');
    expect(open.spec.ports.map((p: any) => p.port)).toEqual([80]);
    expect(open.spec.loadBalancerSourceRanges).toBeUndefined();
    const restricted = r.get('Service', 'db-lb-tcp-5432');
    expect(restricted.spec).toEqual(expect.objectContaining({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8'], externalTrafficPolicy: 'Local' }));
    expect(r.get('Service', 'db-nodeport').spec).toEqual(expect.objectContaining({ externalTrafficPolicy: 'Local' }));
    expect(r.get('NetworkPolicy', 'shop-published-db').spec.ingress).toEqual([
      { ports: [{ port: 8080, protocol: 'TCP' }] },
      { from: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 5432, protocol: 'TCP' }] },
      { from: [{ ipBlock: { cidr: '192.168.0.0/16' } }], ports: [{ port: 53, protocol: 'UDP' }] },
    ]);
    const net = new NetworkPolicyEvaluator(r.objects);
    const db = net.pods(r.objects).db;
    expect(net.allows(EXTERNAL, db, 8080)).toBe(true);
    expect(net.allows(EXTERNAL, db, 5432)).toBe(false);
  });
});
