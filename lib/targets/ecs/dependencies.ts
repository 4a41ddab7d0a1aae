import type { Construct } from 'constructs';
import type { SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { workloadsOf } from './workloads';

/**
 * Dependencies on ECS: creation order only. A service is created after the services it depends on when both are
 * in one stack (`stackOf` names a workload's stack as planned, so the findings are the same whichever services are
 * built: `services` holds those built); nothing waits for a dependency to start, be healthy or complete.
 */
export function orderDependencies(spec: SystemSpec, services: ReadonlyMap<string, Construct>, stackOf: (workload: string) => string, d: EcsReporter): void {
  const isService = new Set(spec.services.map((s) => s.name));
  for (const w of workloadsOf(spec)) {
    for (const dep of w.dependsOn) {
      if (isService.has(w.name) && isService.has(dep.name) && stackOf(w.name) !== stackOf(dep.name)) {
        d.report('ecs/depends-on-across-stacks', `${w.path} dependsOn`, `${w.name} and ${dep.name} are in different stacks (${stackOf(w.name)}, ${stackOf(dep.name)}): CloudFormation does not order their creation`, 'Deploy the stack of the dependency first, or make the workload retry until its dependency answers.');
      } else {
        const mine = services.get(w.name);
        const theirs = services.get(dep.name);
        if (mine && theirs) mine.node.addDependency(theirs);
      }
      const waits = dep.condition === 'started' ? 'start' : dep.condition === 'healthy' ? 'be healthy' : 'complete';
      d.report('ecs/depends-on', `${w.path} dependsOn`, `ECS orders creation only: ${w.name} does not wait for ${dep.name} to ${waits}`, 'Make the workload retry until its dependency answers.');
    }
  }
}
