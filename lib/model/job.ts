import { Construct } from 'constructs';
import { ModelError } from './errors';
import type { RestartSpec } from './spec';
import { propNames } from './known-props';
import { Workload, WORKLOAD_PROP_KEYS, WorkloadProps } from './workload';

export interface JobProps extends WorkloadProps {
  /**
   * Restart policy of a one-shot job: `'no'`, `'on-failure'` or `'on-failure:N'` (at most N retries).
   * @default 'no'
   */
  readonly restart?: string;
  /**
   * A five-field cron schedule, in UTC: `'0 3 * * *'`. Kubernetes runs a CronJob, ECS an EventBridge rule;
   * Compose cannot schedule (a diagnostic says so) and runs the job once.
   * @default - runs once
   */
  readonly schedule?: string;
}

const JOB_PROPS = propNames<JobProps>({ ...WORKLOAD_PROP_KEYS, restart: true, schedule: true });

const CRON_FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;
const names = (list: string) => new RegExp(`^(${list})(-(${list}))?(,(${list})(-(${list}))?)*$`, 'i');
const CRON_NAMES: Record<number, RegExp> = {
  3: names('jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec'),
  4: names('sun|mon|tue|wed|thu|fri|sat'),
};
/** Minute, hour, day of month, month, day of week (0 and 7 are Sunday). */
const CRON_RANGES: ReadonlyArray<readonly [number, number]> = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];

/** The cron macros of Vixie cron (and Kubernetes), with the five fields each stands for. */
const CRON_MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** The one change that fixes a schedule: the five fields of a macro, or how the five fields are written. */
function scheduleFix(schedule: unknown): string {
  const macro = typeof schedule === 'string' ? schedule.trim().toLowerCase() : '';
  if (Object.hasOwn(CRON_MACROS, macro)) return `Write '${CRON_MACROS[macro]}', the five fields ${macro} stands for`;
  if (macro === '@reboot') return 'Leave schedule out: a job without one runs once, when the system is deployed';
  return "Write minute hour day-of-month month day-of-week, e.g. '0 3 * * *'";
}

function cronFieldOk(field: string, i: number): boolean {
  if (CRON_NAMES[i]?.test(field)) return true;
  if (!CRON_FIELD.test(field)) return false;
  const [min, max] = CRON_RANGES[i];
  return field.split(',').every((part) => {
    const [range, step] = part.split('/');
    const bounds = range === '*' ? [] : range.split('-').map(Number);
    return bounds.every((n) => n >= min && n <= max) && (bounds.length < 2 || bounds[0] <= bounds[1]) && (step === undefined || Number(step) >= 1);
  });
}

/** A one-shot task: `docker run --rm`, a Kubernetes Job (CronJob when scheduled), an ECS task run on demand. */
export class Job extends Workload {
  /** @internal */
  public readonly _workloadKind = 'job' as const;
  public readonly schedule?: string;
  private readonly restart: RestartSpec;

  constructor(scope: Construct, id: string, props: JobProps) {
    super(scope, id, props, undefined, 'job', JOB_PROPS, ['ports', 'replicas']);
    const path = this.node.path;
    if ((props as { ports?: unknown }).ports !== undefined) {
      throw new ModelError(path, 'ports', 'a job has no ports', (props as { ports?: unknown }).ports, 'Use a Service for a workload that listens');
    }
    if ((props as { replicas?: unknown }).replicas !== undefined) {
      throw new ModelError(path, 'replicas', 'a job runs once', (props as { replicas?: unknown }).replicas, 'Use a Service for replicas');
    }
    const restart = props.restart ?? 'no';
    const m = typeof restart === 'string' ? /^(no|on-failure)(?::(\d+))?$/.exec(restart) : null;
    if (!m || (m[1] === 'no' && m[2] !== undefined) || (m[2] !== undefined && Number(m[2]) > 100)) {
      throw new ModelError(path, 'restart', "a job restarts 'no', 'on-failure' or 'on-failure:N' (N up to 100)", restart, "Use a Service for 'always' and 'unless-stopped'");
    }
    this.restart = m[2] !== undefined ? { policy: 'on-failure', maxRetries: Number(m[2]) } : { policy: m[1] as 'no' | 'on-failure' };
    if (props.schedule !== undefined) {
      const fields = typeof props.schedule === 'string' ? props.schedule.trim().split(/\s+/) : [];
      if (fields.length !== 5 || !fields.every(cronFieldOk)) {
        throw new ModelError(path, 'schedule', 'must be a five-field cron expression, each field in its range', props.schedule, scheduleFix(props.schedule));
      }
      this.schedule = fields.join(' ');
    }
  }

  /** @internal */
  public _restart(): RestartSpec {
    return this.restart;
  }
}
