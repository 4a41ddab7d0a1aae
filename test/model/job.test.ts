import { Job, Port } from '../../lib/model';
import { modelErrorOf, NGINX, shop } from './helpers';

function migrate(props: object = {}) {
  const sys = shop();
  new Job(sys, 'migrate', { image: NGINX, command: ['migrate', 'up'], ...props });
  return sys;
}

const SCHEDULE_FIX = "Write minute hour day-of-month month day-of-week, e.g. '0 3 * * *'.";

describe('Job', () => {
  it('GIVEN a job with no restart WHEN specified THEN it does not restart, runs once and is a job, not a service', () => {
    const spec = migrate().toSpec();
    expect(spec.services).toEqual([]);
    expect(spec.jobs.map((j) => [j.kind, j.name, j.restart, j.schedule])).toEqual([['job', 'migrate', { policy: 'no' }, undefined]]);
    expect('replicas' in spec.jobs[0]).toBe(false);
  });

  it.each<[string, object]>([
    ['no', { policy: 'no' }],
    ['on-failure', { policy: 'on-failure' }],
    ['on-failure:3', { policy: 'on-failure', maxRetries: 3 }],
    ['on-failure:0', { policy: 'on-failure', maxRetries: 0 }],
    ['on-failure:100', { policy: 'on-failure', maxRetries: 100 }],
  ])('GIVEN restart %p WHEN specified THEN the policy is %p', (restart, policy) => {
    expect(migrate({ restart }).toSpec().jobs[0].restart).toEqual(policy);
  });

  it.each<[string, string]>([
    ['0 3 * * *', '0 3 * * *'],
    ['  */15   *  * * *  ', '*/15 * * * *'],
    ['0 0 1,15 * MON-FRI', '0 0 1,15 * MON-FRI'],
    ['30 2 * jan-mar sun', '30 2 * jan-mar sun'],
    ['59 23 31 12 7', '59 23 31 12 7'],
    ['0-30/5 8-18 * * 1-5', '0-30/5 8-18 * * 1-5'],
  ])('GIVEN the schedule %p WHEN specified THEN it is kept with single spaces', (schedule, kept) => {
    expect(migrate({ schedule }).toSpec().jobs[0].schedule).toBe(kept);
  });

  it.each<[string, object, string]>([
    ['restart always', { restart: 'always' }, "shop/migrate restart: a job restarts 'no', 'on-failure' or 'on-failure:N' (N up to 100) (got \"always\"). Use a Service for 'always' and 'unless-stopped'."],
    ['restart no with a count', { restart: 'no:3' }, "shop/migrate restart: a job restarts 'no', 'on-failure' or 'on-failure:N' (N up to 100) (got \"no:3\"). Use a Service for 'always' and 'unless-stopped'."],
    [
      'more than 100 retries',
      { restart: 'on-failure:101' },
      "shop/migrate restart: a job restarts 'no', 'on-failure' or 'on-failure:N' (N up to 100) (got \"on-failure:101\"). Use a Service for 'always' and 'unless-stopped'.",
    ],
    ['a restart that is not a string', { restart: 3 }, "shop/migrate restart: a job restarts 'no', 'on-failure' or 'on-failure:N' (N up to 100) (got 3). Use a Service for 'always' and 'unless-stopped'."],
    ['ports', { ports: [Port.tcp(80)] }, 'shop/migrate ports: a job has no ports (got [{"containerPort":80,"protocol":"tcp","mode":"none"}]). Use a Service for a workload that listens.'],
    ['replicas', { replicas: 2 }, 'shop/migrate replicas: a job runs once (got 2). Use a Service for replicas.'],
    ...(
      [
        ['a schedule in words', 'daily'],
        ['a six-field schedule', '0 0 3 * * *'],
        ['minute 60', '60 3 * * *'],
        ['hour 24', '0 24 * * *'],
        ['day of month 0', '0 3 0 * *'],
        ['month 13', '0 3 * 13 *'],
        ['day of week 8', '0 3 * * 8'],
        ['a backwards range', '0 18-8 * * *'],
        ['a step of zero', '*/0 * * * *'],
        ['a month name that does not exist', '0 3 * foo *'],
        ['a day name in the month field', '0 3 * mon *'],
        ['a question mark', '0 3 ? * *'],
      ] as const
    ).map(([given, schedule]): [string, object, string] => [
      given,
      { schedule },
      `shop/migrate schedule: must be a five-field cron expression, each field in its range (got ${JSON.stringify(schedule)}). ${SCHEDULE_FIX}`,
    ]),
    ...(
      [
        ['@daily', "Write '0 0 * * *', the five fields @daily stands for."],
        ['@Hourly', "Write '0 * * * *', the five fields @hourly stands for."],
        ['@weekly', "Write '0 0 * * 0', the five fields @weekly stands for."],
        ['@reboot', 'Leave schedule out: a job without one runs once, when the system is deployed.'],
      ] as const
    ).map(([schedule, fix]): [string, object, string] => [
      `the cron macro ${schedule}`,
      { schedule },
      `shop/migrate schedule: must be a five-field cron expression, each field in its range (got ${JSON.stringify(schedule)}). ${fix}`,
    ]),
    ['a schedule that is not a string', { schedule: 5 }, `shop/migrate schedule: must be a five-field cron expression, each field in its range (got 5). ${SCHEDULE_FIX}`],
  ])('GIVEN %s WHEN the job is created THEN it fails with the exact message', (_given, props, message) => {
    expect(modelErrorOf(() => migrate(props))).toBe(message);
  });

  it('GIVEN a job name with uppercase WHEN created THEN it fails with the rule and a suggested name', () => {
    expect(modelErrorOf(() => new Job(shop(), 'Migrate', { image: NGINX }))).toBe(
      "shop/Migrate name: job name must be at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (got \"Migrate\"). Rename it, e.g. \"migrate\".",
    );
  });
});
