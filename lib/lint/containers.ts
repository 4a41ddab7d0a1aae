import type { ContainerSpec, SystemSpec, WorkloadSpec } from '../model/spec';

/** Every container of a system, each with its workload: the main container first, then the sidecars. */
export function containersOf(spec: SystemSpec): Array<{ workload: WorkloadSpec; container: ContainerSpec }> {
  const out: Array<{ workload: WorkloadSpec; container: ContainerSpec }> = [];
  for (const workload of workloadsOf(spec)) {
    out.push({ workload, container: workload.main });
    for (const container of workload.sidecars) out.push({ workload, container });
  }
  return out;
}

/** Services, then jobs. */
export function workloadsOf(spec: SystemSpec): WorkloadSpec[] {
  return [...spec.services, ...spec.jobs];
}
