import type { ServiceSpec } from '../../model/spec';
import { isObject, type JsonObject } from './overrides';

/**
 * How a Deployment replaces its pods, written into its JSON. A service on a single-writer volume (a ReadWriteOnce
 * claim) is recreated: the old pod releases the claim before the new one starts, so a new pod on another node never
 * waits on a Multi-Attach error. Any other service leaves `strategy` out: the cluster's rolling update.
 */
export function applyRollout(json: JsonObject, s: ServiceSpec): void {
  if (s.rollout === 'recreate' && isObject(json.spec)) json.spec.strategy = { type: 'Recreate' };
}
