import { Image, Port, Service, System } from '../../lib/model';
import { dockerTarget } from '../../lib/targets/docker';
import { renderWith, withCode } from '../support/target-kit';

describe('docker: routes', () => {
  test('GIVEN a published port with an https route WHEN rendered THEN it stays published, with docker/route saying a proxy must do TLS and hosts', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.http(80).publish(8080).route('https://shop.example.com/')] });
    const out = renderWith(dockerTarget, sys, (app) => `${app}.sh`);
    expect(out.text).toContain('8080:80');
    expect(withCode(out, 'docker/route')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/web ports[0].routes',
        message: 'docker has no ingress: the route https://shop.example.com/ gets no TLS and no host or path routing; it is published on host port 8080 only.',
      }),
    ]);
  });
});
