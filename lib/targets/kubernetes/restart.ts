import * as kplus from 'cdk8s-plus-27';
import type { JobSpec, ServiceSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';

/**
 * Docker's restart policy of a service: a Deployment always restarts its pods, so `always` needs nothing, and
 * `unless-stopped` behaves the same (a note says so).
 */
export function reportServiceRestart(s: ServiceSpec, reporter: KubernetesReporter): void {
  if (s.restart.policy === 'no' || s.restart.policy === 'on-failure') {
    reporter.report(
      'kubernetes/service-restart',
      `${s.path} restart`,
      `a Deployment restarts its pods whenever they stop: '${restartText(s)}' behaves as 'always', so a server that exits is started again`,
      "Write restart 'always' to say so, or make it a Job if it runs once to completion.",
    );
    return;
  }
  if (s.restart.policy !== 'unless-stopped') return;
  reporter.report(
    'kubernetes/unless-stopped',
    `${s.path} restart`,
    "a Deployment always restarts its pods: 'unless-stopped' behaves as 'always'",
    'Scale the Deployment to 0 replicas to stop it.',
  );
}

function restartText(s: ServiceSpec): string {
  return s.restart.maxRetries !== undefined ? `${s.restart.policy}:${s.restart.maxRetries}` : s.restart.policy;
}

export interface JobRestart {
  readonly restartPolicy: kplus.RestartPolicy;
  /** Unset: the cluster's default (6). */
  readonly backoffLimit?: number;
}

/**
 * Docker's restart policy of a job: `no` is restartPolicy Never with no retry; `on-failure:N` is OnFailure with
 * backoffLimit N; `on-failure` without a count leaves backoffLimit to the cluster, with a warning.
 */
export function jobRestart(j: JobSpec, reporter: KubernetesReporter): JobRestart {
  if (j.restart.policy !== 'on-failure') return { restartPolicy: kplus.RestartPolicy.NEVER, backoffLimit: 0 };
  if (j.restart.maxRetries === undefined) {
    reporter.report(
      'kubernetes/job-retries',
      `${j.path} restart`,
      "a Job cannot retry without limit: 'on-failure' leaves backoffLimit to the cluster's default (6)",
      "Say how many retries: restart 'on-failure:N'.",
    );
    return { restartPolicy: kplus.RestartPolicy.ON_FAILURE };
  }
  return { restartPolicy: kplus.RestartPolicy.ON_FAILURE, backoffLimit: j.restart.maxRetries };
}
