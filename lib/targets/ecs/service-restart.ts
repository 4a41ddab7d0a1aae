import type { ServiceSpec } from '../../model/spec';
import type { EcsReporter } from './codes';

/** An ECS service keeps its desired count: a task that stops is replaced, whatever Docker's restart policy says. */
export function reportServiceRestart(s: ServiceSpec, d: EcsReporter): void {
  if (s.restart.policy !== 'no' && s.restart.policy !== 'on-failure') return;
  const policy = s.restart.maxRetries !== undefined ? `${s.restart.policy}:${s.restart.maxRetries}` : s.restart.policy;
  d.report(
    'ecs/service-restart',
    `${s.path} restart`,
    `the ECS service replaces every task that stops: '${policy}' behaves as 'always', so a server that exits is started again`,
    "Write restart 'always' to say so, or make it a Job if it runs once to completion.",
  );
}
