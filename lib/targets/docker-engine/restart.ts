import type { RestartSpec } from '../../model/spec';

/** A restart policy as `docker run --restart` writes it: `always`, `unless-stopped`, `on-failure:3`, `no`. */
export function restartFlag(restart: RestartSpec): string {
  return restart.policy === 'on-failure' && restart.maxRetries !== undefined ? `on-failure:${restart.maxRetries}` : restart.policy;
}
