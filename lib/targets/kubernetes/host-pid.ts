import type { WorkloadSpec } from '../../model/spec';
import { isObject, type JsonObject } from './overrides';

/** The host's process namespace: the pod's `hostPID`. */
export function applyHostPid(template: JsonObject, w: WorkloadSpec): void {
  if (w.hostPid && isObject(template.spec)) template.spec.hostPID = true;
}
