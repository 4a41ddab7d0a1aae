import { Image, Job, Service, System } from '../../lib/model';
import { renderCompose, serviceBlock, withCode } from './compose-test-kit';

const image = Image.of('busybox:1.36');

describe('compose services and jobs', () => {
  test('GIVEN a service with restart always and 3 replicas WHEN rendered THEN restart, deploy.replicas and a matching deploy.restart_policy', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, restart: 'always', replicas: 3 });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'web')).toBe(
      [
        '  web:',
        '    deploy:',
        '      replicas: 3',
        '      restart_policy:',
        '        condition: any',
        '    image: busybox:1.36',
        '    networks:',
        '      - default',
        '    restart: always',
        '',
      ].join('\n'),
    );
  });

  test('GIVEN a service with restart unless-stopped WHEN rendered THEN it is kept as is, with no restart_policy that would turn it into always', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, restart: 'unless-stopped' });
    const out = renderCompose(sys);
    expect(out.doc.services.web.restart).toBe('unless-stopped');
    expect(out.doc.services.web.deploy).toEqual({ replicas: 1 });
  });

  test('GIVEN a one-shot job WHEN rendered THEN a service with restart "no", restart_policy none and no replicas', () => {
    const sys = new System('shop');
    new Job(sys, 'migrate', { image, command: ['migrate', 'up'] });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'migrate')).toContain('    restart: "no"\n');
    expect(out.doc.services.migrate.deploy).toEqual({ restart_policy: { condition: 'none' } });
    expect(out.codes).toEqual([]);
  });

  test('GIVEN a job with restart on-failure:3 WHEN rendered THEN restart on-failure:3 and max_attempts 3', () => {
    const sys = new System('shop');
    new Job(sys, 'migrate', { image, restart: 'on-failure:3' });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'migrate')).toContain('    restart: on-failure:3\n');
    expect(out.doc.services.migrate.deploy.restart_policy).toEqual({ condition: 'on-failure', max_attempts: 3 });
  });

  test('GIVEN a job with restart on-failure and no limit WHEN rendered THEN restart on-failure without max_attempts', () => {
    const sys = new System('shop');
    new Job(sys, 'migrate', { image, restart: 'on-failure' });
    const out = renderCompose(sys);
    expect(out.doc.services.migrate.restart).toBe('on-failure');
    expect(out.doc.services.migrate.deploy.restart_policy).toEqual({ condition: 'on-failure' });
  });

  test('GIVEN a scheduled job WHEN rendered THEN it runs once and compose/job-schedule says how to schedule it', () => {
    const sys = new System('shop');
    new Job(sys, 'backup', { image, schedule: '0 3 * * *' });
    const out = renderCompose(sys);
    expect(out.doc.services.backup.restart).toBe('no');
    expect(withCode(out, 'compose/job-schedule')).toEqual([
      {
        code: 'compose/job-schedule',
        severity: 'warning',
        path: 'shop/backup schedule',
        target: 'compose',
        message: 'Compose cannot schedule a job: backup runs once on `docker compose up`, not on "0 3 * * *".',
        fix: "Run `docker compose run --rm backup` from the host's cron on that schedule.",
      },
    ]);
  });
});
