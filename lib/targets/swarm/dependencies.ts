import type { WorkloadSpec } from '../../model/spec';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';

const WAIT: Record<WorkloadSpec['dependsOn'][number]['condition'], string> = {
  started: 'to start',
  healthy: 'to be healthy',
  completed: 'to complete',
};

/**
 * Swarm has no start order: `docker stack deploy` starts every service at once and ignores `depends_on`. So no
 * key is written, and each dependency is said where it was declared.
 */
export function reportDependencies(scope: SwarmScope, workload: WorkloadSpec): void {
  workload.dependsOn.forEach((dep, i) => {
    scope.reporter.report(
      'swarm/depends-on',
      propPath(workload.path, `dependsOn[${i}]`),
      `Swarm starts every service of the stack at once: ${workload.name} does not wait for ${dep.name} ${WAIT[dep.condition]}.`,
      `Make ${workload.name} retry until ${dep.name} answers (Swarm restarts a task that exits), or deploy ${dep.name} in a stack of its own first.`,
    );
  });
}
