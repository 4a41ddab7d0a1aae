import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { containerNames } from './names';
import { propPath, type DockerScope } from './scope';
import { quote } from './shell';

/** The helper functions a script defines when some workload waits for another. */
export type WaitHelper = 'wait_healthy' | 'wait_completed';

function workloadNamed(spec: SystemSpec, name: string): WorkloadSpec | undefined {
  return [...spec.services, ...spec.jobs].find((w) => w.name === name);
}

/**
 * What runs before a workload's containers start, for its dependencies: nothing for `started` (the order is
 * enough) or for a job (it ran in the foreground, and the script stops when it fails); `wait_healthy` on every
 * container of a service it needs healthy; `wait_completed` on a service it needs completed.
 */
export function dependencyWaits(scope: DockerScope, workload: WorkloadSpec, used: Set<WaitHelper>): string[] {
  const lines: string[] = [];
  workload.dependsOn.forEach((dep, i) => {
    const target = workloadNamed(scope.spec, dep.name);
    if (!target || target.kind === 'job' || dep.condition === 'started') return;
    if (dep.condition === 'healthy' && !target.main.health) {
      scope.report(
        'docker/dependency-without-health',
        propPath(workload.path, `dependsOn[${i}]`),
        `${workload.name} waits for ${dep.name} to be healthy, but ${dep.name} has no health check: the script stops unless the image of ${dep.name} has a HEALTHCHECK.`,
        `Give ${dep.name} a health check, or depend on it with Dependency.started.`,
      );
    }
    const helper: WaitHelper = dep.condition === 'healthy' ? 'wait_healthy' : 'wait_completed';
    used.add(helper);
    for (const name of containerNames(scope.spec, target)) lines.push(`${helper} ${quote(name)}`);
  });
  return lines;
}
