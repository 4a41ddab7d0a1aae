import { Image, Job, Network, Port, Service, System } from '../../lib/model';
import { renderSwarm, withCode } from './swarm-test-kit';

const image = Image.of('busybox:1.36');

describe('swarm ports and networks', () => {
  test('GIVEN fixed, dynamic and unpublished ports WHEN rendered THEN ingress ports for the published ones, nothing for the others', () => {
    const sys = new System('shop');
    new Service(sys, 'echo', { image, replicas: 2, ports: [Port.tcp(80).publish(8080), Port.udp(1234).publish(), Port.tcp(9000)] });
    const out = renderSwarm(sys);
    expect(out.doc.services.echo.ports).toEqual([
      { target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' },
      { target: 1234, protocol: 'udp', mode: 'ingress' },
    ]);
    expect(out.doc.services.echo.expose).toBeUndefined();
    // the routing mesh shares a fixed port between replicas: nothing to say
    expect(out.codes).toEqual([]);
  });

  test('GIVEN networks WHEN rendered THEN overlay networks, internal kept, attachable where a job joins', () => {
    const sys = new System('shop');
    const front = new Network(sys, 'front');
    const back = new Network(sys, 'back', { internal: true });
    new Service(sys, 'web', { image, networks: [front, back] });
    new Job(sys, 'migrate', { image, restart: 'no', networks: [back] });
    const out = renderSwarm(sys);
    expect(out.doc.networks).toEqual({ back: { driver: 'overlay', internal: true, attachable: true }, front: { driver: 'overlay' } });
    expect(out.doc.services.web.networks).toEqual(['back', 'front']);
    expect(out.doc.services.migrate.networks).toEqual(['back']);
  });

  test('GIVEN host networking WHEN rendered THEN the swarm host network under a free key, and swarm/host-network', () => {
    const sys = new System('shop');
    new Network(sys, 'host');
    new Service(sys, 'agent', { image, hostNetwork: true });
    const out = renderSwarm(sys);
    expect(out.doc.networks['host-2']).toEqual({ external: true, name: 'host' });
    expect(out.doc.networks.host).toEqual({ driver: 'overlay' });
    expect(out.doc.services.agent.networks).toEqual(['host-2']);
    expect(out.doc.services.agent.ports).toBeUndefined();
    expect(withCode(out, 'swarm/host-network')).toEqual([
      {
        code: 'swarm/host-network',
        severity: 'warning',
        path: 'shop/agent hostNetwork',
        target: 'swarm',
        message: "agent shares the host's network stack: every port it opens is open on the host, and it joins no network.",
        fix: 'Leave host networking off unless the workload needs it; publish ports instead.',
      },
    ]);
  });

  test('GIVEN a published port on internal networks only WHEN rendered THEN swarm/internal-network-port says the routing mesh reaches it', () => {
    const sys = new System('shop');
    const back = new Network(sys, 'back', { internal: true });
    new Service(sys, 'db', { image, networks: [back], ports: [Port.tcp(5432).publish(5432)] });
    const out = renderSwarm(sys);
    expect(out.doc.services.db.ports).toEqual([{ target: 5432, published: 5432, protocol: 'tcp', mode: 'ingress' }]);
    expect(withCode(out, 'swarm/internal-network-port')).toEqual([
      {
        code: 'swarm/internal-network-port',
        severity: 'warning',
        path: 'shop/db ports[0]',
        target: 'swarm',
        message:
          "port 5432/tcp is published, and every network of db is internal: Swarm's routing mesh reaches it through the ingress network all the same, where Docker on one host would not.",
        fix: 'Add a network that is not internal to the workload, or do not publish the port.',
      },
    ]);
  });
});
