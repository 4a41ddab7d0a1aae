import { workloadsOf } from '../containers';
import { finding, Rule } from '../rule';

/** `Dependency.healthy(x)` waits for x's health check; without one it waits forever (Compose refuses to start). */
export const healthyDependencyWithoutHealth: Rule = {
  code: 'lint/healthy-dependency-without-health',
  check: (spec) => {
    const byName = new Map(workloadsOf(spec).map((w) => [w.name, w]));
    return workloadsOf(spec).flatMap((w) =>
      w.dependsOn.flatMap((d, i) => {
        if (d.condition !== 'healthy' || byName.get(d.name)?.main.health !== undefined) return [];
        return [
          finding(
            'lint/healthy-dependency-without-health',
            `${w.path} dependsOn[${i}]`,
            `waits for ${d.name} to be healthy, and ${d.name} has no health check`,
            `Give ${d.name} a health check, or use Dependency.started(${d.name}).`,
          ),
        ];
      }),
    );
  },
};
