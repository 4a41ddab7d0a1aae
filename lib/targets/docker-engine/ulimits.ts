import type { UlimitSpec, WorkloadSpec } from '../../model/spec';

/** A limit as `docker run --ulimit` writes it after the name: `65536`, or `1024:65536`; -1 is unlimited. */
export function ulimitText(limit: UlimitSpec): string {
  return limit.soft === limit.hard ? String(limit.soft) : `${limit.soft}:${limit.hard}`;
}

/** `ulimits` of a Compose or stack file: a number where both limits agree, else `{ soft, hard }`. */
export function ulimitsKey(workload: WorkloadSpec): Record<string, number | { soft: number; hard: number }> | undefined {
  if (!workload.ulimits) return undefined;
  return Object.fromEntries(Object.entries(workload.ulimits).map(([name, l]) => [name, l.soft === l.hard ? l.soft : { soft: l.soft, hard: l.hard }]));
}
