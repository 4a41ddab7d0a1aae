import type { SystemSpec, WorkloadSpec } from '../../model/spec';

/**
 * Every workload in dependency order: each after everything it depends on; among those ready at the same
 * time, by name. Throws on a cycle (the model refuses one).
 */
export function dependencyOrder(spec: SystemSpec): WorkloadSpec[] {
  const all = [...spec.services, ...spec.jobs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const done = new Set<string>();
  const order: WorkloadSpec[] = [];
  while (order.length < all.length) {
    const next = all.find((w) => !done.has(w.name) && w.dependsOn.every((d) => done.has(d.name) || !all.some((o) => o.name === d.name)));
    if (!next) throw new Error(`dependency cycle among ${all.filter((w) => !done.has(w.name)).map((w) => w.name).join(', ')}`);
    done.add(next.name);
    order.push(next);
  }
  return order;
}
