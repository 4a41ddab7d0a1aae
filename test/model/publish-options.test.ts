import { Port } from '../../lib/model';
import { modelErrorOf, web } from './helpers';

describe('Port.publish options', () => {
  it('GIVEN a host IP and source CIDRs WHEN resolved THEN the spec carries both', () => {
    const service = web({ ports: [Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1', from: ['10.0.0.0/8'] })] });
    expect(service._main.ports).toEqual([{ containerPort: 5432, protocol: 'tcp', publish: 'fixed', hostPort: 5432, hostIp: '127.0.0.1', from: ['10.0.0.0/8'], name: 'tcp-5432' }]);
  });

  it.each<[string, Port, string]>([
    ['a host IP that is no IPv4 address', Port.tcp(80).publish(80, { hostIp: 'localhost' }), `shop/web ports[0].hostIp: host IP must be an IPv4 address (got "localhost"). Use an address such as '127.0.0.1', or leave hostIp out.`],
    ['an empty source list', Port.tcp(80).publish(80, { from: [] }), "shop/web ports[0].from: from must be a non-empty list of IPv4 CIDRs (got []). Use a list such as ['10.0.0.0/8'], or leave from out."],
    ['a source without a prefix', Port.tcp(80).publish(80, { from: ['10.0.0.1'] }), `shop/web ports[0].from[0]: source must be an IPv4 CIDR (got "10.0.0.1"). Use a CIDR such as '10.0.0.0/8'.`],
    ['a prefix over 32', Port.tcp(80).publish(80, { from: ['0.0.0.0/0', '10.0.0.0/33'] }), `shop/web ports[0].from[1]: source must be an IPv4 CIDR (got "10.0.0.0/33"). Use a CIDR such as '10.0.0.0/8'.`],
  ])('GIVEN %s WHEN resolved THEN the error names the prop', (_what, port, message) => {
    expect(modelErrorOf(() => web({ ports: [port] }))).toBe(message);
  });
});
