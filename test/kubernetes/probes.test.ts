import { HealthCheck, Image, Service, System } from '../../lib/model';
import { render } from './render';
import { validateManifest } from '../support/kubernetes-validators';

function probesOf(health: HealthCheck) {
  const sys = new System('shop');
  new Service(sys, 'app', { image: Image.of('app:1.0'), health });
  return render(sys).container('app');
}

describe('Kubernetes: health checks', () => {
  test('a command health check is an exec readiness and liveness probe with interval, timeout and retries', () => {
    const c = probesOf(HealthCheck.command(['pg_isready', '-U', 'postgres'], { interval: '10s', timeout: '5s', retries: 5 }));
    const expected = { exec: { command: ['pg_isready', '-U', 'postgres'] }, failureThreshold: 5, periodSeconds: 10, timeoutSeconds: 5 };
    expect(c.readinessProbe).toEqual(expected);
    expect(c.livenessProbe).toEqual(expected);
    expect(c).not.toHaveProperty('startupProbe');
  });

  test('a shell health check runs through /bin/sh -c', () => {
    const c = probesOf(HealthCheck.shell('curl -f http://localhost/ || exit 1', { interval: '30s', timeout: '3s', retries: 3 }));
    expect(c.readinessProbe.exec.command).toEqual(['/bin/sh', '-c', 'curl -f http://localhost/ || exit 1']);
  });

  test('an http health check is an httpGet probe', () => {
    const c = probesOf(HealthCheck.http('/healthz', 8080, { interval: '15s', timeout: '5s', retries: 3 }));
    expect(c.livenessProbe).toEqual({ failureThreshold: 3, httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, periodSeconds: 15, timeoutSeconds: 5 });
  });

  test('a tcp health check is a tcpSocket probe', () => {
    const c = probesOf(HealthCheck.tcp(5432, { interval: '10s', timeout: '2s', retries: 4 }));
    expect(c.readinessProbe).toEqual({ failureThreshold: 4, periodSeconds: 10, tcpSocket: { port: 5432 }, timeoutSeconds: 2 });
  });

  test('the start period is a startup probe that allows the start period plus the retries', () => {
    // GIVEN a 30s start period, checked every 10s, 5 retries
    const c = probesOf(HealthCheck.command(['pg_isready'], { interval: '10s', timeout: '5s', retries: 5, startPeriod: '30s' }));
    // THEN the startup probe gives up after 3 + 5 failures
    expect(c.startupProbe).toEqual({ exec: { command: ['pg_isready'] }, failureThreshold: 8, periodSeconds: 10, timeoutSeconds: 5 });
  });

  test('a start interval is the startup probe period, with as many checks as fit in the start period and the retries', () => {
    // GIVEN a 30s start period checked every 2s, then every 10s with 5 retries
    const sys = new System('shop');
    new Service(sys, 'app', { image: Image.of('app:1.0'), health: HealthCheck.command(['pg_isready'], { interval: '10s', timeout: '5s', retries: 5, startPeriod: '30s', startInterval: '2s' }) });
    const r = render(sys);
    const c = r.container('app');
    // THEN the startup probe checks every 2s and gives up after (30s + 5 x 10s) / 2s = 40 failures; the other probes keep the interval
    expect(c.startupProbe).toEqual({ exec: { command: ['pg_isready'] }, failureThreshold: 40, periodSeconds: 2, timeoutSeconds: 5 });
    expect(c.livenessProbe.periodSeconds).toBe(10);
    expect(validateManifest(r.yaml)).toEqual([]);
  });
});
