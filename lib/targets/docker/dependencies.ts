import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { containerNames } from './names';
import { quote } from './shell';

/** The shell function that waits until a container is healthy, defined by a script that calls it. */
export const WAIT_HEALTHY = 'wait_healthy';

/**
 * What runs before a workload's containers start, for its dependencies: `wait_healthy` on every container of a
 * service it needs healthy. Nothing for `started` (the order is enough), nor for a job, whatever the condition:
 * it ran in the foreground, and the script stops when it fails (the model lets only a job be `completed`).
 */
export function dependencyWaits(spec: SystemSpec, workload: WorkloadSpec): string[] {
  const lines: string[] = [];
  for (const dep of workload.dependsOn) {
    const target = [...spec.services, ...spec.jobs].find((w) => w.name === dep.name);
    if (!target || target.kind === 'job' || dep.condition !== 'healthy') continue;
    for (const name of containerNames(spec, target)) lines.push(`${WAIT_HEALTHY} ${quote(name)}`);
  }
  return lines;
}
