import { Image, Port, Service, System } from '../../lib/model';
import { renderCompose, withCode } from './compose-test-kit';

const image = Image.of('postgres:16.4');

describe('compose: host address and source CIDR blocks of a published port', () => {
  test('GIVEN ports bound to loopback WHEN rendered THEN the ports strings keep the address, IPv6 in brackets', () => {
    const sys = new System('shop');
    new Service(sys, 'db', {
      image,
      ports: [Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1' }), Port.tcp(6432).publish(6432, { hostIp: '::1' }), Port.udp(53).publish(undefined, { hostIp: '127.0.0.1' })],
    });
    const out = renderCompose(sys);
    expect(out.doc.services.db.ports).toEqual(['127.0.0.1:5432:5432/tcp', '[::1]:6432:6432/tcp', '127.0.0.1::53/udp']);
    expect(out.codes).toEqual([]);
  });

  test('GIVEN a port with source CIDR blocks WHEN rendered THEN it is published to all, with compose/source-cidrs', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image, ports: [Port.tcp(5432).publish(5432, { from: ['10.0.0.0/8', '192.168.0.0/16'] })] });
    const out = renderCompose(sys);
    expect(out.doc.services.db.ports).toEqual(['5432:5432/tcp']);
    expect(withCode(out, 'compose/source-cidrs')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/db ports[0]',
        message:
          'port 5432/tcp admits only 10.0.0.0/8, 192.168.0.0/16, but Docker cannot restrict who connects to a published port: it is open to every source that reaches the host.',
        fix: 'Bind it to one host address (publish(port, { hostIp })), or restrict the sources with the host firewall (the DOCKER-USER chain).',
      }),
    ]);
  });
});
