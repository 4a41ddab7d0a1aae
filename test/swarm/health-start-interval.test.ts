import { HealthCheck, Image, Service, System } from '../../lib/model';
import { renderSwarm } from './swarm-test-kit';

describe('a health check start interval on Swarm', () => {
  test("GIVEN a start interval WHEN rendered THEN the healthcheck keeps every other timing, docker stack config accepts it, and 'swarm/health-start-interval' says the start interval is left out", () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), health: HealthCheck.command(['true'], { interval: '10s', startPeriod: '30s', startInterval: '2s' }) });
    const r = renderSwarm(sys);
    expect(r.doc.services.web.healthcheck).toEqual({ test: ['CMD', 'true'], interval: '10s', timeout: '30s', retries: 3, start_period: '30s' });
    const d = r.diagnostics.find((x) => x.code === 'swarm/health-start-interval')!;
    expect([d.severity, d.path, d.message, d.fix]).toEqual([
      'warning',
      'shop/web health.startInterval',
      "a stack file has no start_interval: during its start period web is checked at Docker's default start interval (5s on Docker Engine 25 and later), not every 2s.",
      'Run `docker service update --health-start-interval 2s` on its service after each `docker stack deploy`.',
    ]);
  });
});
