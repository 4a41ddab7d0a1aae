import type { DependencyCondition, WorkloadSpec } from '../../model/spec';
import type { ComposeMap } from './document';
import { propPath, type ComposeScope } from './scope';

const CONDITIONS: Record<DependencyCondition, string> = {
  started: 'service_started',
  healthy: 'service_healthy',
  completed: 'service_completed_successfully',
};

/** `depends_on` with a `condition` per dependency. */
export function dependsOnKey(scope: ComposeScope, workload: WorkloadSpec): ComposeMap | undefined {
  if (workload.dependsOn.length === 0) return undefined;
  const out: ComposeMap = {};
  workload.dependsOn.forEach((dep, i) => {
    if (dep.condition === 'healthy') {
      const target = [...scope.spec.services, ...scope.spec.jobs].find((w) => w.name === dep.name);
      if (target && !target.main.health) {
        scope.report(
          'compose/dependency-without-health',
          propPath(workload.path, `dependsOn[${i}]`),
          `${workload.name} waits for ${dep.name} to be healthy, but ${dep.name} has no health check: Compose refuses to start ${workload.name} unless the image of ${dep.name} has a HEALTHCHECK.`,
          `Give ${dep.name} a health check, or depend on it with Dependency.started.`,
        );
      }
    }
    out[dep.name] = { condition: CONDITIONS[dep.condition] };
  });
  return out;
}
