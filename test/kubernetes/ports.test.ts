import { Image, Port, Service, System } from '../../lib/model';
import { render } from './render';

describe('Kubernetes: ports and Services', () => {
  test('a port that is not published is a container port and a port of the ClusterIP Service named after the service, protocol kept', () => {
    // GIVEN a database on tcp 5432 and a resolver on udp 53
    const sys = new System('shop');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)] });
    new Service(sys, 'dns', { image: Image.of('coredns/coredns:1.11.1'), ports: [Port.udp(53)] });
    // WHEN rendered
    const r = render(sys);
    // THEN db:5432 and dns:53/udp resolve inside the cluster, as in Compose
    expect(r.container('db').ports).toEqual([{ containerPort: 5432, name: 'tcp-5432', protocol: 'TCP' }]);
    const db = r.get('Service', 'db');
    expect(db.spec.type).toBe('ClusterIP');
    expect(db.spec.ports).toEqual([{ name: 'tcp-5432', port: 5432, protocol: 'TCP', targetPort: 5432 }]);
    expect(db.spec.selector).toEqual({ 'app.kubernetes.io/name': 'db', 'app.kubernetes.io/part-of': 'shop' });
    expect(r.get('Service', 'dns').spec.ports).toEqual([{ name: 'udp-53', port: 53, protocol: 'UDP', targetPort: 53 }]);
    expect(r.container('dns').ports[0].protocol).toBe('UDP');
  });

  test('a service without ports gets no Service', () => {
    const sys = new System('shop');
    new Service(sys, 'worker', { image: Image.of('worker:1.0') });
    expect(render(sys).objects.filter((o) => o.kind === 'Service')).toEqual([]);
  });

  test('a port published on a fixed host port is a LoadBalancer Service: port P -> targetPort C; an http port keeps appProtocol', () => {
    // GIVEN -p 8080:80 on an http port
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.http(80).publish(8080)] });
    // WHEN rendered
    const r = render(sys);
    // THEN web:80 inside, and a load balancer on 8080 outside
    expect(r.get('Service', 'web').spec.ports).toEqual([{ appProtocol: 'http', name: 'http-80', port: 80, protocol: 'TCP', targetPort: 80 }]);
    const lb = r.get('Service', 'web-lb');
    expect(lb.spec.type).toBe('LoadBalancer');
    expect(lb.spec.ports).toEqual([{ appProtocol: 'http', name: 'http-80', port: 8080, protocol: 'TCP', targetPort: 80 }]);
    expect(lb.spec.selector).toEqual(r.get('Service', 'web').spec.selector);
  });

  test('a port published on a dynamic host port is a NodePort Service whose node port the cluster picks; udp kept', () => {
    // GIVEN -p 1234/udp
    const sys = new System('echo');
    new Service(sys, 'echo', { image: Image.of('ealen/echo-server:0.9.2'), ports: [Port.udp(1234).publish()] });
    // WHEN rendered
    const np = render(sys).get('Service', 'echo-nodeport');
    // THEN a NodePort Service without a nodePort
    expect(np.spec.type).toBe('NodePort');
    expect(np.spec.ports).toEqual([{ name: 'udp-1234', port: 1234, protocol: 'UDP', targetPort: 1234 }]);
  });

  test('with fixedPortServiceType NodePort, a fixed host port in the NodePort range is the nodePort', () => {
    // GIVEN the option and -p 30080:80
    const sys = new System('shop', { targetOptions: { kubernetes: { fixedPortServiceType: 'NodePort' } } });
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(30080)] });
    // WHEN rendered
    const r = render(sys);
    // THEN no load balancer; a NodePort Service on 30080
    expect(r.has('Service', 'web-lb')).toBe(false);
    expect(r.get('Service', 'web-nodeport').spec).toMatchObject({
      type: 'NodePort',
      ports: [{ name: 'tcp-80', nodePort: 30080, port: 30080, protocol: 'TCP', targetPort: 80 }],
    });
    expect(r.diagnostics).toEqual([]);
  });
});
