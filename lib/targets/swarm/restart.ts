import type { WorkloadSpec } from '../../model/spec';
import type { StackMap } from './document';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';

/**
 * `deploy.restart_policy`: `always` is `condition: any`; `on-failure[:n]` is `condition: on-failure` with
 * `max_attempts: n`; a job's `no` is `condition: none`, which must be written (without it Swarm restarts a task
 * that finished). `unless-stopped` has no Swarm condition: it becomes `any`, said with a note.
 */
export function restartPolicyKey(workload: WorkloadSpec): StackMap {
  const restart = workload.restart;
  switch (restart.policy) {
    case 'always':
    case 'unless-stopped':
      return { condition: 'any' };
    case 'on-failure':
      return restart.maxRetries !== undefined ? { condition: 'on-failure', max_attempts: restart.maxRetries } : { condition: 'on-failure' };
    case 'no':
      return { condition: 'none' };
  }
}

/** The note for the one policy Swarm has no condition for, said once per workload. */
export function reportRestart(scope: SwarmScope, workload: WorkloadSpec): void {
  if (workload.restart.policy !== 'unless-stopped') return;
  scope.reporter.report(
    'swarm/restart-unless-stopped',
    propPath(workload.path, 'restart'),
    `Swarm has no unless-stopped: ${workload.name} restarts on any exit (condition any), and a task is never stopped by hand.`,
    `Scale it to 0 to stop it: \`docker service scale ${scope.spec.name}_${workload.name}=0\`.`,
  );
}
