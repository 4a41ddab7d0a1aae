import { Image, Port, Service, System } from '../../lib/model';
import { parse } from 'yaml';
import { composeTarget } from '../../lib/targets/compose';
import type { TargetResult } from '../../lib/targets/target';
import { composeReachability, stackReachability } from '../support/reachability';
import { CONTEXT, renderSwarm, withCode } from './swarm-test-kit';

const image = Image.of('postgres:16.4');

describe('swarm: host address and source CIDR blocks of a published port', () => {
  test('GIVEN ports bound to a host address WHEN rendered THEN they are not published, each with swarm/host-ip', () => {
    const sys = new System('shop');
    new Service(sys, 'db', {
      image,
      ports: [Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1' }), Port.tcp(6432).publish(6432, { hostIp: '192.168.1.10' }), Port.tcp(7432).publish(7432)],
    });
    const out = renderSwarm(sys);
    expect(out.doc.services.db.ports).toEqual([{ target: 7432, published: 7432, protocol: 'tcp', mode: 'ingress' }]);
    // the Compose file binds 5432 to loopback, which the outside does not reach either; it keeps 6432 on one address
    const compose = (composeTarget.render(sys.toSpec(), CONTEXT) as TargetResult).files[0].content;
    expect(composeReachability(parse(compose)).published).toEqual(['db 6432/tcp <- 6432', 'db 7432/tcp <- 7432']);
    expect(stackReachability(out.doc).published).toEqual(['db 7432/tcp <- 7432']);
    expect(withCode(out, 'swarm/host-ip').map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        'warning',
        'shop/db ports[0]',
        'port 5432/tcp is bound to host address 127.0.0.1 (only the host itself may connect), but a stack file cannot bind one address (host_ip is refused): the port is not published, and is reachable by name on its networks only.',
      ],
      [
        'warning',
        'shop/db ports[1]',
        'port 6432/tcp is bound to host address 192.168.1.10 (only 192.168.1.10 may be bound), but a stack file cannot bind one address (host_ip is refused): the port is not published, and is reachable by name on its networks only.',
      ],
    ]);
  });

  test('GIVEN a port with source CIDR blocks WHEN rendered THEN it is published on the mesh, with swarm/source-cidrs', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image, ports: [Port.tcp(5432).publish(5432, { from: ['10.0.0.0/8'] })] });
    const out = renderSwarm(sys);
    expect(out.doc.services.db.ports).toEqual([{ target: 5432, published: 5432, protocol: 'tcp', mode: 'ingress' }]);
    expect(withCode(out, 'swarm/source-cidrs')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/db ports[0]',
        message: 'port 5432/tcp admits only 10.0.0.0/8, but the routing mesh cannot restrict who connects: it is open to every source that reaches a node.',
      }),
    ]);
  });
});
