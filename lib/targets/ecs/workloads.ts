import type { ContainerSpec, MountSpec, SidecarSpec, WorkloadSpec } from '../../model/spec';

/** Every workload of a system: its services, then its jobs. Each becomes one task definition. */
export function workloadsOf(spec: { services: readonly WorkloadSpec[]; jobs: readonly WorkloadSpec[] }): WorkloadSpec[] {
  return [...spec.services, ...spec.jobs];
}

/** A container of a workload's task: the main one, or a sidecar. */
interface ContainerOf {
  readonly container: ContainerSpec;
  readonly sidecar?: SidecarSpec;
}

/** The containers of one task definition: the main container first, then its sidecars. */
export function containersOf(w: WorkloadSpec): ContainerOf[] {
  return [{ container: w.main }, ...w.sidecars.map((s) => ({ container: s, sidecar: s }))];
}

/**
 * The mounts a container declares itself, with the index the user wrote them at. A sidecar with volumesFrom
 * inherits the main container's mounts (listed first in its spec), which ECS expresses with `volumesFrom`.
 */
export function ownMounts(w: WorkloadSpec, c: ContainerOf): { mount: MountSpec; index: number }[] {
  const inherited = c.sidecar?.volumesFrom ? w.main.mounts.length : 0;
  return c.container.mounts.slice(inherited).map((mount, index) => ({ mount, index }));
}
