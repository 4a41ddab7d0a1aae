import type { RestartSpec } from '../../model/spec';
import type { ComposeMap } from './document';

/**
 * `deploy.restart_policy`, for `docker stack deploy`, saying what `restart` says. `docker compose up` reads it
 * too, and then it takes precedence over `restart`: so it is written only where it maps back to the same policy.
 *
 * `unless-stopped` has no swarm condition: `any` would make `docker compose up` restart the container as
 * `always`, coercing the policy. So it is left out; `docker stack deploy` then turns `restart: unless-stopped`
 * into condition `any` itself, which is what a swarm service can do. A job's `no` must be written: without a
 * restart_policy, swarm restarts a finished task.
 */
export function restartPolicy(restart: RestartSpec): ComposeMap | undefined {
  switch (restart.policy) {
    case 'always':
      return { condition: 'any' };
    case 'unless-stopped':
      return undefined;
    case 'on-failure':
      return restart.maxRetries !== undefined ? { condition: 'on-failure', max_attempts: restart.maxRetries } : { condition: 'on-failure' };
    case 'no':
      return { condition: 'none' };
  }
}
