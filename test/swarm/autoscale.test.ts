import { Image, Service, System } from '../../lib/model';
import { swarmTarget } from '../../lib/targets/swarm';
import { renderWith, withCode } from '../support/target-kit';

describe('Swarm: autoscale', () => {
  test('GIVEN a service that autoscales from 2 to 10 WHEN rendered THEN it runs 2 copies, with swarm/autoscale naming the command to scale by hand', () => {
    const sys = new System('shop');
    new Service(sys, 'api', { image: Image.of('ghcr.io/example/api:1.0'), resources: { cpuShares: 512 }, autoscale: { min: 2, max: 10, cpuPercent: 70 } });
    const out = renderWith(swarmTarget, sys, (app) => `${app}/stack.yaml`);
    expect(out.text).toContain('replicas: 2');
    expect(withCode(out, 'swarm/autoscale')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/api autoscale',
        message: 'Swarm does not scale a service: api runs autoscale.min = 2 copies, never up to 10.',
        fix: 'Scale by hand when needed (docker service scale shop_api=N), or deploy to Kubernetes or ECS, which scale on the signal.',
      }),
    ]);
  });
});
