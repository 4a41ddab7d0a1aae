import { ModelError } from './errors';
import type { RestartSpec } from './spec';

/** A service's restart policy, as Docker writes it. */
export type ServiceRestart = 'always' | 'unless-stopped' | 'no' | 'on-failure' | `on-failure:${number}`;

/**
 * Reads a service's restart policy. A server that Docker restarts only on failure, or never, is still a server:
 * what makes a workload a Service is that it serves (ports, dependants), not how it restarts.
 */
export function serviceRestart(path: string, restart: unknown): RestartSpec {
  const m = typeof restart === 'string' ? /^(always|unless-stopped|no|on-failure)(?::(\d+))?$/.exec(restart) : null;
  const retries = m?.[2] !== undefined ? Number(m[2]) : undefined;
  if (!m || (retries !== undefined && (m[1] !== 'on-failure' || retries < 1 || retries > 100))) {
    throw new ModelError(path, 'restart', "a service restarts 'always', 'unless-stopped', 'on-failure', 'on-failure:N' (N from 1 to 100) or 'no'", restart, "Write e.g. 'always'");
  }
  return retries !== undefined ? { policy: 'on-failure', maxRetries: retries } : { policy: m[1] as RestartSpec['policy'] };
}
