import * as path from 'node:path';
import { HealthCheck, Image, Service, System } from '../../lib/model';
import { composeTarget } from '../../lib/targets/compose';
import { composeSchemaErrors, dockerComposeErrors } from '../support/compose-validators';
import { renderWith } from '../support/target-kit';
import { PROJECT_ROOT, renderCompose, serviceBlock, withCode } from './compose-test-kit';

function withHealth(health: HealthCheck): System {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), health });
  return sys;
}

describe('compose health checks', () => {
  test('GIVEN a command health check with timings WHEN rendered THEN test CMD with every timing', () => {
    const out = renderCompose(withHealth(HealthCheck.command(['pg_isready', '-U', 'postgres'], { interval: '10s', timeout: '5s', retries: 5, startPeriod: '1m' })));
    expect(serviceBlock(out, 'web')).toContain(
      '    healthcheck:\n      interval: 10s\n      retries: 5\n      start_period: 60s\n      test:\n        - CMD\n        - pg_isready\n        - -U\n        - postgres\n      timeout: 5s\n',
    );
    expect(out.codes).toEqual([]);
  });

  test('GIVEN a shell health check WHEN rendered THEN test CMD-SHELL with the command line', () => {
    const out = renderCompose(withHealth(HealthCheck.shell('redis-cli ping | grep PONG')));
    expect(out.doc.services.web.healthcheck.test).toEqual(['CMD-SHELL', 'redis-cli ping | grep PONG']);
  });

  test('GIVEN an http health check WHEN rendered THEN a CMD-SHELL probe with curl or wget, and compose/health-probe-tool', () => {
    const out = renderCompose(withHealth(HealthCheck.http('/healthz', 8080)));
    const probe = "curl -fsS -o /dev/null 'http://127.0.0.1:8080/healthz' || wget -q -O /dev/null 'http://127.0.0.1:8080/healthz' || exit 1";
    expect(out.doc.services.web.healthcheck.test).toEqual(['CMD-SHELL', probe]);
    expect(withCode(out, 'compose/health-probe-tool')).toEqual([
      {
        code: 'compose/health-probe-tool',
        severity: 'warning',
        path: 'shop/web health',
        target: 'compose',
        message: `Docker has no http health check: it runs \`${probe}\` in the container, so the image must contain curl or wget.`,
        fix: 'Use HealthCheck.command with a tool the image has.',
      },
    ]);
  });

  test('GIVEN a tcp health check WHEN rendered THEN a CMD-SHELL probe with nc or bash, and compose/health-probe-tool', () => {
    const out = renderCompose(withHealth(HealthCheck.tcp(5432)));
    const probe = "nc -z 127.0.0.1 5432 || bash -c '</dev/tcp/127.0.0.1/5432' || exit 1";
    expect(out.doc.services.web.healthcheck.test).toEqual(['CMD-SHELL', probe]);
    expect(withCode(out, 'compose/health-probe-tool').map((d) => d.message)).toEqual([
      `Docker has no tcp health check: it runs \`${probe}\` in the container, so the image must contain nc or bash.`,
    ]);
  });

  test("GIVEN an http path with a quote and a dollar WHEN rendered THEN the shell sees one quoted word and Compose no interpolation", () => {
    const out = renderCompose(withHealth(HealthCheck.http("/it's/$x", 80)));
    expect(out.doc.services.web.healthcheck.test[1]).toContain("'http://127.0.0.1:80/it'\\''s/$$x'");
  });

  test('GIVEN a start interval WHEN rendered THEN healthcheck.start_interval carries it, which the compose-spec schema accepts and only docker-compose 1.x, older than the key, refuses', () => {
    // renderCompose checks with docker-compose 1.29.2 too, which predates start_interval (Compose 2.20.2, Docker Engine 25): the file is checked here by hand
    const { text } = renderWith(composeTarget, withHealth(HealthCheck.command(['true'], { startPeriod: '30s', startInterval: '2s' })), (app) => `${app}/compose.yaml`);
    expect(text).toContain('      start_interval: 2s\n      start_period: 30s\n');
    expect(composeSchemaErrors(text)).toEqual([]);
    const tool = dockerComposeErrors(text, path.join(PROJECT_ROOT, 'dist', 'compose', 'shop'));
    expect(tool.filter((line) => !line.includes("'start_interval' does not match any of the regexes"))).toEqual([expect.stringContaining('is invalid because')]);
  });

  test('GIVEN no start interval WHEN rendered THEN healthcheck has no start_interval, and docker-compose 1.x accepts it', () => {
    expect(renderCompose(withHealth(HealthCheck.command(['true'], { startPeriod: '30s' }))).doc.services.web.healthcheck.start_interval).toBeUndefined();
  });
});
