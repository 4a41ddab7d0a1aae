import { Image, Port, Service, System } from '../../lib/model';
import { containerCall, flagValues, renderDocker, runScript, withCode } from './docker-test-kit';

const image = Image.of('postgres:16.4');

describe('docker: host address and source CIDR blocks of a published port', () => {
  test('GIVEN ports bound to loopback WHEN run THEN -p keeps the address, and the Docker client accepts it', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image, ports: [Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1' }), Port.tcp(6432).publish(undefined, { hostIp: '::1' })] });
    const render = renderDocker(sys);
    const run = runScript(render, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(flagValues(containerCall(run, 'shop-db'), '-p')).toEqual(['127.0.0.1:5432:5432/tcp', '[::1]::6432/tcp']);
    expect(render.codes).toEqual([]);
  });

  test('GIVEN a port with source CIDR blocks WHEN rendered THEN docker/source-cidrs', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image, ports: [Port.tcp(5432).publish(5432, { from: ['10.0.0.0/8'] })] });
    expect(withCode(renderDocker(sys), 'docker/source-cidrs')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/db ports[0]',
        message: 'port 5432/tcp admits only 10.0.0.0/8, but Docker cannot restrict who connects to a published port: it is open to every source that reaches the host.',
      }),
    ]);
  });
});
