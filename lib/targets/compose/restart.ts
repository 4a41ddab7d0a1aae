import type { RestartSpec } from '../../model/spec';
import type { ComposeMap } from './document';

/**
 * `deploy.restart_policy`, saying what `restart` says. `docker compose up` reads it, and then it takes precedence
 * over `restart`: so it is written only where it maps back to the same policy.
 *
 * `unless-stopped` has no restart_policy condition: `any` would make `docker compose up` restart the container as
 * `always`, coercing the policy. So it is left out. A job's `no` is written as condition `none`.
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
