import type { SystemSpec, WorkloadSpec } from '../../model/spec';

/**
 * Every workload in dependency order: each after everything it depends on; among those ready at the same
 * time, by name. Throws on a cycle (the model refuses one). Kahn's algorithm with the ready workloads kept by
 * name, so a system of n workloads costs n log n, not n².
 */
export function dependencyOrder(spec: SystemSpec): WorkloadSpec[] {
  const all = [...spec.services, ...spec.jobs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const index = new Map(all.map((w, i) => [w.name, i]));
  const waiting = all.map(() => 0);
  const dependents: number[][] = all.map(() => []);
  all.forEach((w, i) => {
    for (const d of new Set(w.dependsOn.map((x) => x.name))) {
      const j = index.get(d);
      if (j === undefined) continue;
      waiting[i]++;
      dependents[j].push(i);
    }
  });
  const ready = new MinHeap();
  waiting.forEach((n, i) => n === 0 && ready.push(i));
  const order: WorkloadSpec[] = [];
  while (ready.size > 0) {
    const i = ready.pop();
    order.push(all[i]);
    for (const j of dependents[i]) if (--waiting[j] === 0) ready.push(j);
  }
  if (order.length < all.length) {
    const placed = new Set(order.map((w) => w.name));
    throw new Error(`dependency cycle among ${all.filter((w) => !placed.has(w.name)).map((w) => w.name).join(', ')}`);
  }
  return order;
}

/** A binary min-heap of indices. */
class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= a[i]) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }

  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}
