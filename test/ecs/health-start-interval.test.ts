import { HealthCheck, Image, Service, System } from '../../lib/model';
import { containersOf, find, synthEcs } from './support/ecs-kit';

describe('ECS: a health check start interval', () => {
  test("GIVEN a command check with a start interval WHEN synthesized THEN the container health check keeps the rest, and 'ecs/health-start-interval' says the start interval is left out", () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), health: HealthCheck.command(['true'], { interval: '10s', timeout: '5s', startPeriod: '30s', startInterval: '2s' }) });
    const r = synthEcs(sys.toSpec());
    const d = find(r.diagnostics, 'ecs/health-start-interval');
    expect([d.severity, d.path, d.message, d.fix]).toEqual([
      'warning',
      'shop/web health.startInterval',
      'an ECS container health check has no start interval: web is not checked every 2s during its start period, so it may be found healthy later',
      'Shorten the interval (ECS accepts 5s or more) if it must be found healthy sooner.',
    ]);
    expect(containersOf(r.template!, 'shop-web')[0].HealthCheck).toEqual({ Command: ['CMD', 'true'], Interval: 10, Retries: 3, StartPeriod: 30, Timeout: 5 });
  });
});
