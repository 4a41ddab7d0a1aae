import type { DependencyCondition, WorkloadSpec } from '../../model/spec';
import type { ComposeMap } from './document';

const CONDITIONS: Record<DependencyCondition, string> = {
  started: 'service_started',
  healthy: 'service_healthy',
  completed: 'service_completed_successfully',
};

/** `depends_on` with a `condition` per dependency (the model refuses a healthy one on a workload without a check). */
export function dependsOnKey(workload: WorkloadSpec): ComposeMap | undefined {
  if (workload.dependsOn.length === 0) return undefined;
  const out: ComposeMap = {};
  for (const dep of workload.dependsOn) out[dep.name] = { condition: CONDITIONS[dep.condition] };
  return out;
}
