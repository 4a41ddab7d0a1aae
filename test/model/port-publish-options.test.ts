import { Port } from '../../lib/model';
import { modelErrorOf, web } from './helpers';

describe('Port publish options: hostIp and from', () => {
  it('GIVEN a port bound to loopback WHEN resolved THEN the spec keeps the address and marks it loopback', () => {
    const service = web({ ports: [Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1' }), Port.udp(53).publish(53, { hostIp: '::1' })] });
    expect(service._main.ports).toEqual([
      { containerPort: 5432, protocol: 'tcp', publish: 'fixed', hostPort: 5432, hostIp: '127.0.0.1', loopback: true, name: 'tcp-5432' },
      { containerPort: 53, protocol: 'udp', publish: 'fixed', hostPort: 53, hostIp: '::1', loopback: true, name: 'udp-53' },
    ]);
  });

  it('GIVEN a port bound to a non-loopback address WHEN resolved THEN it is not loopback', () => {
    const service = web({ ports: [Port.tcp(80).publish(8080, { hostIp: '192.168.1.10' }), Port.tcp(81).publish(undefined, { hostIp: 'fe80::1' })] });
    expect(service._main.ports.map((p) => [p.hostIp, p.loopback, p.publish])).toEqual([
      ['192.168.1.10', false, 'fixed'],
      ['fe80::1', false, 'dynamic'],
    ]);
  });

  it('GIVEN source CIDRs WHEN resolved THEN they are sorted and unique', () => {
    const service = web({ ports: [Port.tcp(5432).publish(5432, { from: ['192.168.0.0/16', '10.0.0.0/8', '10.0.0.0/8', '2001:db8::/32'] })] });
    expect(service._main.ports[0].from).toEqual(['10.0.0.0/8', '192.168.0.0/16', '2001:db8::/32']);
    expect(service._main.ports[0].hostIp).toBeUndefined();
  });

  it('GIVEN hostIp 0.0.0.0 or :: WHEN resolved THEN it binds every address, as if left out', () => {
    const service = web({ ports: [Port.tcp(80).publish(8080, { hostIp: '0.0.0.0' }), Port.tcp(81).publish(8081, { hostIp: '::', from: ['10.0.0.0/8'] })] });
    expect(service._main.ports.map((p) => [p.hostIp, p.loopback, p.from])).toEqual([
      [undefined, undefined, undefined],
      [undefined, undefined, ['10.0.0.0/8']],
    ]);
  });

  it('GIVEN a port published without options WHEN resolved THEN it has no hostIp, loopback or from', () => {
    const service = web({ ports: [Port.tcp(80).publish(8080)] });
    expect(Object.keys(service._main.ports[0]).sort()).toEqual(['containerPort', 'hostPort', 'name', 'protocol', 'publish']);
  });

  it.each<[string, Port, string]>([
    [
      'a host name as hostIp',
      Port.tcp(80).publish(8080, { hostIp: 'localhost' }),
      `shop/web ports[0].hostIp: must be an IPv4 or IPv6 address (got "localhost"). Use e.g. '127.0.0.1' or '::1', or leave hostIp out to bind every address.`,
    ],
    [
      'an IPv4 address out of range',
      Port.tcp(80).publish(8080, { hostIp: '127.0.0.256' }),
      `shop/web ports[0].hostIp: must be an IPv4 or IPv6 address (got "127.0.0.256"). Use e.g. '127.0.0.1' or '::1', or leave hostIp out to bind every address.`,
    ],
    [
      'a misspelt option',
      Port.tcp(80).publish(8080, { hostIP: '127.0.0.1' } as never),
      "shop/web ports[0]: unknown prop 'hostIP' (did you mean 'hostIp'?)",
    ],
    [
      'an empty from',
      Port.tcp(80).publish(8080, { from: [] }),
      `shop/web ports[0].from: must be a non-empty list of CIDR blocks (got []). Use e.g. ['10.0.0.0/8'], or leave from out to admit any source.`,
    ],
    [
      'an address without a prefix',
      Port.tcp(80).publish(8080, { from: ['10.0.0.1'] }),
      `shop/web ports[0].from[0]: must be a CIDR block, an address and a prefix length (got "10.0.0.1"). Write e.g. '10.0.0.0/8' or '203.0.113.7/32'.`,
    ],
    [
      'a prefix too long',
      Port.tcp(80).publish(8080, { from: ['10.0.0.0/8', '10.0.0.0/33'] }),
      `shop/web ports[0].from[1]: prefix length must be at most 32 (got "10.0.0.0/33"). Write e.g. '10.0.0.0/8' or '203.0.113.7/32'.`,
    ],
    [
      'bits set past the prefix',
      Port.tcp(80).publish(8080, { from: ['10.1.0.0/8'] }),
      `shop/web ports[0].from[0]: has bits set past its prefix length (got "10.1.0.0/8"). Write e.g. '10.0.0.0/8' or '203.0.113.7/32'.`,
    ],
    [
      'an IPv6 block with bits past the prefix',
      Port.tcp(80).publish(8080, { from: ['2001:db8::1/64'] }),
      `shop/web ports[0].from[0]: has bits set past its prefix length (got "2001:db8::1/64"). Write e.g. '10.0.0.0/8' or '203.0.113.7/32'.`,
    ],
  ])('GIVEN %s WHEN a service declares it THEN the constructor fails with the exact message', (_given, port, message) => {
    expect(modelErrorOf(() => web({ ports: [port] }))).toBe(message);
  });
});
