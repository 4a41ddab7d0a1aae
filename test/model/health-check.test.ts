import { HealthCheck } from '../../lib/model';
import { modelErrorOf, web } from './helpers';

const DOCKER_DEFAULTS = { intervalSeconds: 30, timeoutSeconds: 30, retries: 3, startPeriodSeconds: 0 };

describe('HealthCheck', () => {
  it.each<[string, HealthCheck, object]>([
    ['a command', HealthCheck.command(['pg_isready', '-U', 'postgres']), { kind: 'command', command: ['pg_isready', '-U', 'postgres'], shell: false }],
    ['a shell line', HealthCheck.shell('curl -f http://localhost/ || exit 1'), { kind: 'command', command: ['curl -f http://localhost/ || exit 1'], shell: true }],
    ['an HTTP GET', HealthCheck.http('/healthz', 8080), { kind: 'http', path: '/healthz', port: 8080 }],
    ['a TCP connection', HealthCheck.tcp(5432), { kind: 'tcp', port: 5432 }],
  ])('GIVEN %s without timings WHEN resolved THEN Docker\'s defaults apply: 30s, 30s, 3 retries, no start period', (_given, health, shape) => {
    expect(web({ health })._main.health).toEqual({ ...shape, ...DOCKER_DEFAULTS });
  });

  it('GIVEN timings in Docker notation WHEN resolved THEN they are whole seconds', () => {
    const health = HealthCheck.http('/healthz', 8000, { interval: '1m30s', timeout: '5s', retries: 5, startPeriod: '2m' });
    expect(web({ health })._main.health).toEqual({ kind: 'http', path: '/healthz', port: 8000, intervalSeconds: 90, timeoutSeconds: 5, retries: 5, startPeriodSeconds: 120 });
  });

  it('GIVEN a start interval with a start period WHEN resolved THEN it is whole seconds beside the other timings', () => {
    const health = HealthCheck.command(['true'], { startPeriod: '30s', startInterval: '2s' });
    expect(web({ health })._main.health).toEqual({ kind: 'command', command: ['true'], shell: false, ...DOCKER_DEFAULTS, startPeriodSeconds: 30, startIntervalSeconds: 2 });
  });

  it('GIVEN no health check WHEN resolved THEN the container spec has none', () => {
    expect(web()._main.health).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    ['an interval of zero', HealthCheck.tcp(80, { interval: '0s' }), "shop/web health.interval: interval must be at least 1s (got \"0s\"). Write e.g. '10s'."],
    ['a timeout of zero', HealthCheck.tcp(80, { timeout: '0s' }), "shop/web health.timeout: timeout must be at least 1s (got \"0s\"). Write e.g. '5s'."],
    [
      'an unparsable interval',
      HealthCheck.tcp(80, { interval: '10' }),
      "shop/web health.interval: cannot parse duration (got \"10\"). Write '10s' (a string needs its unit), or the number 10.",
    ],
    [
      'a start period of half a second',
      HealthCheck.tcp(80, { startPeriod: '500ms' }),
      "shop/web health.startPeriod: duration must be a whole number of seconds (got \"500ms\"). Write a duration such as '30s', '1m30s' or '2m', or a whole number of seconds.",
    ],
    ['a start interval of zero', HealthCheck.tcp(80, { startPeriod: '30s', startInterval: '0s' }), "shop/web health.startInterval: start interval must be at least 1s (got \"0s\"). Write e.g. '2s'."],
    [
      'a start interval without a start period',
      HealthCheck.tcp(80, { startInterval: '2s' }),
      "shop/web health.startInterval: a start interval applies during the start period only, and there is none (got \"2s\"). Set startPeriod too, e.g. '30s', or leave startInterval out.",
    ],
    ['zero retries', HealthCheck.tcp(80, { retries: 0 }), "shop/web health.retries: retries must be a whole number of at least 1 (got 0). Use 3, Docker's default."],
    ['fractional retries', HealthCheck.tcp(80, { retries: 2.5 }), "shop/web health.retries: retries must be a whole number of at least 1 (got 2.5). Use 3, Docker's default."],
    [
      'an empty command',
      HealthCheck.command([]),
      "shop/web health.command: health command must be a non-empty list of non-empty strings (got []). Write e.g. ['pg_isready', '-U', 'postgres'].",
    ],
    [
      'an empty shell line',
      HealthCheck.shell(''),
      "shop/web health.command: health command must be a non-empty list of non-empty strings (got [\"\"]). Write e.g. ['pg_isready', '-U', 'postgres'].",
    ],
    ['an HTTP path without a slash', HealthCheck.http('healthz', 8080), "shop/web health.path: HTTP health path must start with '/' (got \"healthz\"). Write e.g. '/healthz'."],
    ['an HTTP port of zero', HealthCheck.http('/healthz', 0), 'shop/web health.port: port must be a whole number from 1 to 65535 (got 0). Use a port between 1 and 65535.'],
    ['a TCP port above 65535', HealthCheck.tcp(65536), 'shop/web health.port: port must be a whole number from 1 to 65535 (got 65536). Use a port between 1 and 65535.'],
    [
      'a string instead of a HealthCheck',
      'curl -f http://localhost/',
      "shop/web health: must be a HealthCheck (got \"curl -f http://localhost/\"). Use HealthCheck.command([...]), .http('/healthz', 8080) or .tcp(5432).",
    ],
  ])('GIVEN %s WHEN a service uses it THEN the constructor fails with the exact message', (_given, health, message) => {
    expect(modelErrorOf(() => web({ health: health as HealthCheck }))).toBe(message);
  });
});
