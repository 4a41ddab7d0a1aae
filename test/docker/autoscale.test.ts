import { Image, Service, System } from '../../lib/model';
import { dockerTarget } from '../../lib/targets/docker';
import { renderWith, withCode } from '../support/target-kit';

describe('docker: autoscale', () => {
  test('GIVEN a service that autoscales from 2 to 10 WHEN rendered THEN it runs 2 copies, with docker/autoscale naming the command to scale by hand', () => {
    const sys = new System('shop');
    new Service(sys, 'api', { image: Image.of('ghcr.io/example/api:1.0'), resources: { cpuShares: 512 }, autoscale: { min: 2, max: 10, cpuPercent: 70 } });
    const out = renderWith(dockerTarget, sys, (app) => `${app}.sh`);
    expect(out.text).toContain('--name shop-api-2');
    expect(withCode(out, 'docker/autoscale')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/api autoscale',
        message: 'docker does not scale a service: api runs autoscale.min = 2 copies, never up to 10.',
        fix: 'Scale by hand when needed (one more docker run per copy, named shop-api-2 and on), or deploy to Kubernetes or ECS, which scale on the signal.',
      }),
    ]);
  });
});
