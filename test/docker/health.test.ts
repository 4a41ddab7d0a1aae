import { HealthCheck, Image, Service, System } from '../../lib/model';
import { containerCall, flagValues, renderDocker, runScript, withCode } from './docker-test-kit';

const image = Image.of('postgres:16.4');

const timings = (call: readonly string[]) =>
  ['--health-interval', '--health-timeout', '--health-retries', '--health-start-period'].map((f) => flagValues(call, f)[0]);

describe('docker health checks', () => {
  test('GIVEN an exec-form command check WHEN run THEN --health-cmd with the words shell-quoted and every timing, with docker/health-shell', () => {
    const sys = new System('shop');
    new Service(sys, 'db', {
      image,
      health: HealthCheck.command(['pg_isready', '-U', "o'neil"], { interval: '10s', timeout: '5s', retries: 5, startPeriod: '30s' }),
    });
    const out = renderDocker(sys);
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-db');
    expect(flagValues(call, '--health-cmd')).toEqual([`pg_isready -U "o'neil"`]);
    expect(timings(call)).toEqual(['10s', '5s', '5', '30s']);
    expect(withCode(out, 'docker/health-shell')).toEqual([
      expect.objectContaining({
        severity: 'info',
        path: 'shop/db health',
        message: `--health-cmd runs through /bin/sh in the container: the check ["pg_isready","-U","o'neil"] needs a shell in the image.`,
      }),
    ]);
  });

  test('GIVEN a shell check WHEN run THEN --health-cmd is the shell text as written, with no diagnostic', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image, health: HealthCheck.shell('pg_isready -U "$POSTGRES_USER" || exit 1') });
    const out = renderDocker(sys);
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(flagValues(containerCall(run, 'shop-db'), '--health-cmd')).toEqual(['pg_isready -U "$POSTGRES_USER" || exit 1']);
    expect(out.codes.filter((c) => c.startsWith('docker/health'))).toEqual([]);
  });

  test('GIVEN http and tcp checks WHEN run THEN shell probes with curl/wget and nc/bash, with docker/health-probe-tool', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, health: HealthCheck.http('/healthz', 8080) });
    new Service(sys, 'db', { image, health: HealthCheck.tcp(5432) });
    const out = renderDocker(sys);
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(flagValues(containerCall(run, 'shop-web'), '--health-cmd')).toEqual([
      'curl -fsS -o /dev/null http://127.0.0.1:8080/healthz || wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1',
    ]);
    expect(flagValues(containerCall(run, 'shop-db'), '--health-cmd')).toEqual([`nc -z 127.0.0.1 5432 || bash -c '</dev/tcp/127.0.0.1/5432' || exit 1`]);
    expect(withCode(out, 'docker/health-probe-tool').map((d) => `${d.severity} ${d.path}`)).toEqual(['warning shop/db health', 'warning shop/web health']);
  });

  test('GIVEN a start interval WHEN run THEN --health-start-interval follows the start period, and the docker client accepts it', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image, health: HealthCheck.shell('pg_isready', { interval: '10s', startPeriod: '30s', startInterval: '2s' }) });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-db');
    expect([flagValues(call, '--health-start-period'), flagValues(call, '--health-start-interval')]).toEqual([['30s'], ['2s']]);
  });

  test('GIVEN no start interval WHEN rendered THEN docker run passes no --health-start-interval, which Docker before 25 would refuse', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image, health: HealthCheck.shell('pg_isready', { startPeriod: '30s' }) });
    expect(renderDocker(sys).script).not.toContain('--health-start-interval');
  });
});
