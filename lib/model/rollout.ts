import type { JobSpec, RolloutSpec, ServiceSpec } from './spec';

/** A workload's spec before its rollout is known. */
export type DraftWorkloadSpec = Omit<ServiceSpec, 'rollout'> | JobSpec;

/** The persistent volumes a workload mounts, in any of its containers, by name. */
function mountedVolumes(w: DraftWorkloadSpec): Set<string> {
  const out = new Set<string>();
  for (const c of [w.main, ...w.sidecars]) for (const m of c.mounts) if (m.kind === 'volume') out.add(m.volume);
  return out;
}

/**
 * A single-writer volume is a persistent volume that one workload alone mounts: its Kubernetes claim is
 * ReadWriteOnce (one node at a time), and two copies of a database must never open its files at once. A volume
 * several workloads mount is shared on purpose (ReadWriteMany, with its own warning).
 */
export function singleWriterVolumes(workloads: readonly DraftWorkloadSpec[], volumes: readonly string[]): Set<string> {
  const users = new Map<string, number>();
  for (const w of workloads) for (const v of mountedVolumes(w)) users.set(v, (users.get(v) ?? 0) + 1);
  return new Set(volumes.filter((v) => users.get(v) === 1));
}

/** The rollout of a service: recreate when it mounts a single-writer volume (`singleWriterVolumes`), else rolling. */
export function rolloutOf(s: DraftWorkloadSpec, singleWriter: ReadonlySet<string>): RolloutSpec {
  return [...mountedVolumes(s)].some((v) => singleWriter.has(v)) ? 'recreate' : 'rolling';
}
