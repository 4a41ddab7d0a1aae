import { Image, Service, System } from '../../lib/model';
import { composeTarget } from '../../lib/targets/compose';
import { renderWith, withCode } from '../support/target-kit';

describe('Compose: autoscale', () => {
  test('GIVEN a service that autoscales from 2 to 10 WHEN rendered THEN it runs 2 copies, with compose/autoscale naming the command to scale by hand', () => {
    const sys = new System('shop');
    new Service(sys, 'api', { image: Image.of('ghcr.io/example/api:1.0'), resources: { cpuShares: 512 }, autoscale: { min: 2, max: 10, cpuPercent: 70 } });
    const out = renderWith(composeTarget, sys, (app) => `${app}/compose.yaml`);
    expect(out.text).toContain('replicas: 2');
    expect(withCode(out, 'compose/autoscale')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/api autoscale',
        message: 'Compose does not scale a service: api runs autoscale.min = 2 copies, never up to 10.',
        fix: 'Scale by hand when needed (docker compose up -d --scale api=N), or deploy to Kubernetes or ECS, which scale on the signal.',
      }),
    ]);
  });
});
