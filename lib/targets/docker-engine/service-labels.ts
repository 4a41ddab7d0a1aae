import type { ContainerSpec, WorkloadSpec } from '../../model/spec';

/**
 * `deploy.labels` of a Compose or stack service: the workload's service labels, on the service of its main
 * container only (a sidecar's service is lading's, not the user's). Undefined when there are none.
 */
export function deployLabelsKey(workload: WorkloadSpec, container: ContainerSpec): Record<string, string> | undefined {
  return container === workload.main && workload.serviceLabels ? { ...workload.serviceLabels } : undefined;
}
