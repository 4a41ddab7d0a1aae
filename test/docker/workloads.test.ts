import { Dependency, HealthCheck, Image, Job, Port, Service, System } from '../../lib/model';
import { callsOf, containerCall, flagValues, nameOf, renderDocker, runScript, withCode } from './docker-test-kit';

const image = Image.of('nginx:1.27');

describe('docker services and jobs', () => {
  test('GIVEN services with restart always and unless-stopped WHEN run THEN docker run -d --name <app>-<service> --restart as given', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image });
    new Service(sys, 'worker', { image, restart: 'unless-stopped' });
    const out = renderDocker(sys);
    expect(out.script).toContain('  docker run -d --name shop-web \\\n    --restart always \\\n');
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(callsOf(run, 'run').map((c) => [c[1], nameOf(c), flagValues(c, '--restart')[0], c[c.length - 1]])).toEqual([
      ['-d', 'shop-web', 'always', 'nginx:1.27'],
      ['-d', 'shop-worker', 'unless-stopped', 'nginx:1.27'],
    ]);
  });

  test('GIVEN a one-shot job WHEN run THEN it runs in the foreground with --rm and no restart policy', () => {
    const sys = new System('shop');
    new Job(sys, 'migrate', { image: Image.of('shop/migrate:1.0'), command: ['migrate', 'up'], restart: 'no' });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-migrate');
    expect(call.slice(0, 2)).toEqual(['run', '--rm']);
    expect(call).not.toContain('-d');
    expect(call).not.toContain('--restart');
    expect(call.slice(-3)).toEqual(['shop/migrate:1.0', 'migrate', 'up']);
  });

  test('GIVEN a job with restart on-failure:2 WHEN every attempt fails THEN the script runs it 3 times and stops with a message', () => {
    // GIVEN
    const sys = new System('shop');
    new Job(sys, 'migrate', { image, command: ['migrate'], restart: 'on-failure:2' });
    new Service(sys, 'web', { image, dependsOn: [] });
    const out = renderDocker(sys);
    expect(out.script).toContain('  until docker run --rm --name shop-migrate \\\n');
    // WHEN docker run always fails
    const run = runScript(out, [], { env: { DOCKER_FAIL: 'run' } });
    // THEN
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('shop-migrate failed 3 times\n');
    expect(callsOf(run, 'run').map(nameOf)).toEqual(['shop-migrate', 'shop-migrate', 'shop-migrate']);
  });

  test('GIVEN a job with restart on-failure (no limit) WHEN run THEN it is run again until it succeeds', () => {
    const sys = new System('shop');
    new Job(sys, 'seed', { image, restart: 'on-failure' });
    const out = renderDocker(sys);
    expect(out.script).toContain('  tries=0\n  until docker run --rm --name shop-seed \\\n');
    expect(out.script).not.toContain('failed');
    const run = runScript(out, [], { checkClient: true });
    expect(run.code).toBe(0);
    expect(run.rejected).toEqual([]);
  });

  test('GIVEN a scheduled job WHEN rendered THEN docker/job-schedule: it runs once', () => {
    const sys = new System('shop');
    new Job(sys, 'report', { image, schedule: '0 3 * * *' });
    const out = renderDocker(sys);
    expect(withCode(out, 'docker/job-schedule')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/report schedule',
        message: 'docker cannot schedule a job: report runs once when the script runs, not on "0 3 * * *".',
      }),
    ]);
    expect(out.script).toContain('docker run --rm --name shop-report');
  });

  test('GIVEN a job with a sidecar WHEN run THEN the job starts detached, the sidecar joins its namespace without restarts, and the script waits for the job, shows its output and removes both before going on', () => {
    const sys = new System('shop');
    const job = new Job(sys, 'backup', { image });
    job.addSidecar('proxy', { image: Image.of('busybox:1.36') });
    new Service(sys, 'web', { image, dependsOn: [Dependency.completed(job)] });
    const out = renderDocker(sys);
    expect(out.codes.filter((c) => c.startsWith('docker/'))).toEqual([]);
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(run.code).toBe(0);
    const calls = run.calls.filter((c) => ['run', 'wait', 'logs'].includes(c[0]) || (c[0] === 'rm' && c[2] !== '-v')).map((c) => (c[0] === 'run' ? ['run', c[1], nameOf(c), ...flagValues(c, '--restart'), ...flagValues(c, '--network')] : c));
    expect(calls).toEqual([
      ['run', '-d', 'shop-backup', 'shop-default'],
      ['run', '-d', 'shop-backup-proxy', 'no', 'container:shop-backup'],
      ['wait', 'shop-backup'],
      ['logs', 'shop-backup'],
      ['rm', '-f', 'shop-backup-proxy', 'shop-backup'],
      ['run', '-d', 'shop-web', 'always', 'shop-default'],
    ]);
    expect(out.script).toContain('  status=$(docker wait shop-backup)\n  docker logs shop-backup\n  docker rm -f shop-backup-proxy shop-backup >/dev/null\n  [ "$status" -eq 0 ]\n');
  });

  test('GIVEN a job with a sidecar and restart on-failure:2 WHEN rendered THEN the whole run, sidecar included, is tried again at most twice more', () => {
    const sys = new System('shop');
    const job = new Job(sys, 'backup', { image, restart: 'on-failure:2' });
    job.addSidecar('proxy', { image: Image.of('busybox:1.36') });
    const out = renderDocker(sys);
    expect(out.script).toMatch(/  until docker run -d --name shop-backup [^]*\n  \[ "\$status" -eq 0 \]; do\n    if \[ "\$tries" -ge 2 \]/);
    const run = runScript(out, [], { checkClient: true });
    expect([run.code, run.rejected]).toEqual([0, []]);
  });

  test('GIVEN a job with a sidecar WHEN waiting for the job fails THEN the script stops before the services after it', () => {
    const sys = new System('shop');
    const job = new Job(sys, 'backup', { image });
    job.addSidecar('proxy', { image: Image.of('busybox:1.36') });
    new Service(sys, 'web', { image, dependsOn: [Dependency.completed(job)] });
    const run = runScript(renderDocker(sys), [], { env: { DOCKER_FAIL: 'wait' } });
    expect(run.code).not.toBe(0);
    expect(run.calls.filter((c) => c[0] === 'run').map(nameOf)).toEqual(['shop-backup', 'shop-backup-proxy']);
  });

  test('GIVEN healthy, started and completed dependencies WHEN run THEN containers start in dependency order with the waits between', () => {
    // GIVEN
    const sys = new System('shop');
    const db = new Service(sys, 'db', { image: Image.of('postgres:16.4'), health: HealthCheck.command(['pg_isready']) });
    const migrate = new Job(sys, 'migrate', { image, dependsOn: [Dependency.healthy(db)] });
    const api = new Service(sys, 'api', { image, dependsOn: [Dependency.completed(migrate)], replicas: 2 });
    new Service(sys, 'web', { image, dependsOn: [Dependency.started(api)] });
    // WHEN
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    // THEN
    expect(run.rejected).toEqual([]);
    const steps = run.calls.filter((c) => ['run', 'inspect', 'wait'].includes(c[0])).map((c) => `${c[0]} ${nameOf(c) ?? c[c.length - 1]}`);
    expect(steps).toEqual(['run shop-db', 'inspect shop-db', 'run shop-migrate', 'run shop-api-1', 'run shop-api-2', 'run shop-web']);
    expect(run.stderr).toBe('waiting for shop-db to be healthy\n');
  });

  test('GIVEN a dependency that never becomes healthy WHEN run THEN the script stops before starting the dependent', () => {
    const sys = new System('shop');
    const db = new Service(sys, 'db', { image, health: HealthCheck.command(['true']) });
    new Service(sys, 'api', { image, dependsOn: [Dependency.healthy(db)] });
    const run = runScript(renderDocker(sys), [], { env: { DOCKER_HEALTH: 'running unhealthy' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('waiting for shop-db to be healthy\nshop-db did not become healthy (running unhealthy)\n');
    expect(callsOf(run, 'run').map(nameOf)).toEqual(['shop-db']);
  });

  test('GIVEN 3 replicas WHEN run THEN three numbered containers share the service name as network alias', () => {
    const sys = new System('shop');
    new Service(sys, 'api', { image, replicas: 3, ports: [Port.tcp(80).publish()] });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(callsOf(run, 'run').map((c) => [nameOf(c), flagValues(c, '--network-alias')[0], flagValues(c, '-p')[0]])).toEqual([
      ['shop-api-1', 'api', '80/tcp'],
      ['shop-api-2', 'api', '80/tcp'],
      ['shop-api-3', 'api', '80/tcp'],
    ]);
  });

  test('GIVEN 2 replicas on a fixed host port WHEN rendered THEN docker/fixed-port-replicas is an error', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, replicas: 2, ports: [Port.tcp(80).publish(8080), Port.udp(2380).publish(2380)] });
    const out = renderDocker(sys);
    expect(withCode(out, 'docker/fixed-port-replicas')).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'shop/web ports[0]',
        message: '2 containers of web cannot all bind host port 8080: the second `docker run` would fail.',
        fix: 'Publish on a dynamic host port (Port.tcp(80).publish()), or run one replica.',
      }),
      // the fix names the port it is about
      expect.objectContaining({ path: 'shop/web ports[1]', fix: 'Publish on a dynamic host port (Port.udp(2380).publish()), or run one replica.' }),
    ]);
    expect(out.result.files).toEqual([]);
  });

  test('GIVEN a replica name that is another service\'s name WHEN rendered THEN docker/container-name-collision', () => {
    const sys = new System('shop');
    new Service(sys, 'api', { image, replicas: 2 });
    new Service(sys, 'api-2', { image });
    const out = renderDocker(sys);
    expect(withCode(out, 'docker/container-name-collision')).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'shop/api-2 name',
        message: 'the container shop-api-2 of shop/api-2 would have the name of a container of shop/api.',
      }),
    ]);
    expect(out.result.files).toEqual([]);
  });
});
