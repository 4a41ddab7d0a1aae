import { Port } from '../../lib/model';
import { modelErrorOf, web } from './helpers';

describe('Port', () => {
  it('GIVEN unpublished, dynamic and fixed ports WHEN resolved THEN each keeps its protocol, mode and a stable name', () => {
    const service = web({ ports: [Port.tcp(5432), Port.udp(1234).publish(), Port.http(80).publish(8080)] });
    expect(service._main.ports).toEqual([
      { containerPort: 5432, protocol: 'tcp', publish: 'none', name: 'tcp-5432' },
      { containerPort: 1234, protocol: 'udp', publish: 'dynamic', name: 'udp-1234' },
      { containerPort: 80, protocol: 'tcp', appProtocol: 'http', publish: 'fixed', hostPort: 8080, name: 'http-80' },
    ]);
  });

  it('GIVEN one port number over tcp and udp WHEN resolved THEN both are kept (the protocol tells them apart)', () => {
    const service = web({ ports: [Port.tcp(53).publish(53), Port.udp(53).publish(53)] });
    expect(service._main.ports.map((p) => p.name)).toEqual(['tcp-53', 'udp-53']);
  });

  it('GIVEN a port WHEN published THEN the original is unchanged (ports are values)', () => {
    const port = Port.tcp(80);
    port.publish(8080);
    expect(port.mode).toBe('none');
    expect(port.hostPort).toBeUndefined();
  });

  it.each<[string, unknown[], string]>([
    ['a port above 65535', [Port.tcp(70000)], 'shop/web ports[0]: port must be a whole number from 1 to 65535 (got 70000). Use a port between 1 and 65535.'],
    ['port zero', [Port.udp(0)], 'shop/web ports[0]: port must be a whole number from 1 to 65535 (got 0). Use a port between 1 and 65535.'],
    ['a fractional port', [Port.tcp(80), Port.tcp(80.5)], 'shop/web ports[1]: port must be a whole number from 1 to 65535 (got 80.5). Use a port between 1 and 65535.'],
    [
      'a host port above 65535',
      [Port.tcp(80).publish(65536)],
      'shop/web ports[0].hostPort: host port must be a whole number from 1 to 65535 (got 65536). Use a port between 1 and 65535.',
    ],
    ['host port zero', [Port.tcp(80).publish(0)], 'shop/web ports[0].hostPort: host port must be a whole number from 1 to 65535 (got 0). Use a port between 1 and 65535.'],
    [
      'the same port and protocol twice',
      [Port.tcp(80), Port.udp(80), Port.tcp(80).publish(8080)],
      'shop/web ports[2]: duplicate port, already declared at ports[0] (got "80/tcp"). Declare each port and protocol once.',
    ],
    [
      'an http port beside a tcp port of the same number',
      [Port.tcp(8000), Port.http(8000)],
      'shop/web ports[1]: duplicate port, already declared at ports[0] (got "8000/tcp"). Declare each port and protocol once.',
    ],
    [
      'one host port for two container ports',
      [Port.tcp(80).publish(8080), Port.tcp(81).publish(8080)],
      'shop/web ports[1].hostPort: host port already published at ports[0] (got "8080/tcp"). Publish each host port and protocol once.',
    ],
    ['a number instead of a Port', [80], 'shop/web ports[0]: must be a Port (got 80). Use Port.tcp(80), Port.udp(53) or Port.http(8080).'],
  ])('GIVEN %s WHEN a service declares it THEN the constructor fails with the exact message', (_given, ports, message) => {
    expect(modelErrorOf(() => web({ ports: ports as Port[] }))).toBe(message);
  });
});
