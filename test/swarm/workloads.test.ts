import { Dependency, HealthCheck, Image, Job, Mount, Service, System, Volume } from '../../lib/model';
import { renderSwarm, withCode } from './swarm-test-kit';

const image = Image.of('busybox:1.36');

describe('swarm workloads: services, jobs, restart, updates, order', () => {
  test('GIVEN a service with replicas WHEN rendered THEN a replicated service with its restart, update and rollback config', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, replicas: 3, restart: 'always' });
    const out = renderSwarm(sys);
    expect(out.doc.services.web.deploy).toEqual({
      mode: 'replicated',
      replicas: 3,
      restart_policy: { condition: 'any' },
      update_config: { parallelism: 1, order: 'start-first', failure_action: 'rollback' },
      rollback_config: { parallelism: 1, order: 'start-first' },
    });
    expect(out.doc.version).toBe('3.9');
    expect(out.doc.name).toBeUndefined();
    expect(out.codes).toEqual([]);
  });

  test('GIVEN a service on a persistent volume WHEN rendered THEN the old task stops before the new one starts', () => {
    const sys = new System('shop');
    const data = new Volume(sys, 'data');
    new Service(sys, 'db', { image, mounts: [Mount.volume(data, '/data')] });
    const out = renderSwarm(sys);
    expect(out.doc.services.db.deploy.update_config.order).toBe('stop-first');
    expect(out.doc.services.db.deploy.rollback_config.order).toBe('stop-first');
  });

  test('GIVEN one-shot jobs WHEN rendered THEN replicated-job with restart condition none or on-failure with max_attempts', () => {
    const sys = new System('shop');
    new Job(sys, 'once', { image, restart: 'no' });
    new Job(sys, 'retry', { image, restart: 'on-failure:3' });
    new Job(sys, 'forever', { image, restart: 'on-failure' });
    const out = renderSwarm(sys);
    expect(out.doc.services.once.deploy).toEqual({ mode: 'replicated-job', restart_policy: { condition: 'none' } });
    expect(out.doc.services.retry.deploy).toEqual({ mode: 'replicated-job', restart_policy: { condition: 'on-failure', max_attempts: 3 } });
    expect(out.doc.services.forever.deploy).toEqual({ mode: 'replicated-job', restart_policy: { condition: 'on-failure' } });
    expect(out.doc.networks.default).toEqual({ driver: 'overlay', attachable: true });
  });

  test('GIVEN a scheduled job WHEN rendered THEN swarm/job-schedule says how to run it on the schedule', () => {
    const sys = new System('shop');
    new Job(sys, 'report', { image, restart: 'no', schedule: '0 3 * * *' });
    const out = renderSwarm(sys);
    expect(out.doc.services.report.deploy.mode).toBe('replicated-job');
    expect(withCode(out, 'swarm/job-schedule')).toEqual([
      {
        code: 'swarm/job-schedule',
        severity: 'warning',
        path: 'shop/report schedule',
        target: 'swarm',
        message: 'Swarm cannot schedule a job: report runs once when the stack is deployed, not on "0 3 * * *".',
        fix: "Run `docker service update --force shop_report` from a manager's cron on that schedule: it runs the job again.",
      },
    ]);
  });

  test('GIVEN restart unless-stopped WHEN rendered THEN condition any and swarm/restart-unless-stopped', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, restart: 'unless-stopped' });
    const out = renderSwarm(sys);
    expect(out.doc.services.web.deploy.restart_policy).toEqual({ condition: 'any' });
    expect(out.doc.services.web.restart).toBeUndefined();
    expect(withCode(out, 'swarm/restart-unless-stopped')).toEqual([
      {
        code: 'swarm/restart-unless-stopped',
        severity: 'info',
        path: 'shop/web restart',
        target: 'swarm',
        message: 'Swarm has no unless-stopped: web restarts on any exit (condition any), and a task is never stopped by hand.',
        fix: 'Scale it to 0 to stop it: `docker service scale shop_web=0`.',
      },
    ]);
  });

  test('GIVEN dependencies WHEN rendered THEN no depends_on, and swarm/depends-on at each dependency', () => {
    const sys = new System('shop');
    const db = new Service(sys, 'db', { image, health: HealthCheck.command(['true']) });
    const migrate = new Job(sys, 'migrate', { image, restart: 'no' });
    new Service(sys, 'api', { image, dependsOn: [Dependency.healthy(db), Dependency.completed(migrate)] });
    const out = renderSwarm(sys);
    expect(out.doc.services.api.depends_on).toBeUndefined();
    expect(withCode(out, 'swarm/depends-on').map((d) => [d.path, d.severity, d.message, d.fix])).toEqual([
      [
        'shop/api dependsOn[0]',
        'info',
        'Swarm starts every service of the stack at once: api does not wait for db to be healthy.',
        'Make api retry until db answers (Swarm restarts a task that exits), or deploy db in a stack of its own first.',
      ],
      [
        'shop/api dependsOn[1]',
        'info',
        'Swarm starts every service of the stack at once: api does not wait for migrate to complete.',
        'Make api retry until migrate answers (Swarm restarts a task that exits), or deploy migrate in a stack of its own first.',
      ],
    ]);
  });

  test('GIVEN a $ in a command WHEN rendered THEN it is escaped, so the stack loader keeps it literal', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, command: ['sh', '-c', 'echo $HOME'], env: { PRICE: '$5' } });
    const out = renderSwarm(sys);
    expect(out.yaml).toContain('- echo $$HOME\n');
    expect(out.doc.services.web.environment).toEqual({ PRICE: '$$5' });
  });
});
