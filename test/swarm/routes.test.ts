import { Image, Port, Service, System } from '../../lib/model';
import { swarmTarget } from '../../lib/targets/swarm';
import { renderWith, withCode } from '../support/target-kit';

describe('Swarm: routes', () => {
  test('GIVEN a published port with an https route WHEN rendered THEN it stays published, with swarm/route saying a proxy must do TLS and hosts', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.http(80).publish(8080).route('https://shop.example.com/')] });
    const out = renderWith(swarmTarget, sys, (app) => `${app}/stack.yaml`);
    expect(out.text).toContain('published: 8080');
    expect(withCode(out, 'swarm/route')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/web ports[0].routes',
        message: 'Swarm has no ingress: the route https://shop.example.com/ gets no TLS and no host or path routing; it is published on host port 8080 only.',
      }),
    ]);
  });
});
