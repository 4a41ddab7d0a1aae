import type { SidecarSpec, SystemSpec, WorkloadSpec } from '../../model/spec';

/** The label every container, network and volume of an app carries, so `down` finds them all: `lading.app=shop`. */
export function appLabel(spec: SystemSpec): string {
  return `lading.app=${spec.name}`;
}

/** A network of the app on the host: its Docker name, or else `<app>-<network>`. */
export function networkName(spec: SystemSpec, network: string): string {
  return spec.networks.find((n) => n.name === network)?.dockerName ?? `${spec.name}-${network}`;
}

/** A persistent volume of the app on the host: its Docker name, or else `<app>-<volume>`. */
export function volumeName(spec: SystemSpec, volume: string): string {
  return spec.volumes.find((v) => v.name === volume)?.dockerName ?? `${spec.name}-${volume}`;
}

/** The numbers of a workload's containers: `[undefined]` for one container, `[1, 2, 3]` for three replicas. */
export function replicaNumbers(workload: WorkloadSpec): (number | undefined)[] {
  const count = workload.kind === 'service' ? workload.replicas : 1;
  return count === 1 ? [undefined] : Array.from({ length: count }, (_, i) => i + 1);
}

/** The main container of a workload, or of one of its replicas: `<app>-<service>`, `<app>-<service>-2`, or its fixed name. */
export function containerName(spec: SystemSpec, workload: WorkloadSpec, replica?: number): string {
  if (workload.containerName !== undefined) return workload.containerName;
  return replica === undefined ? `${spec.name}-${workload.name}` : `${spec.name}-${workload.name}-${replica}`;
}

/** A sidecar beside one main container: `<app>-<service>[-<n>]-<sidecar>`. */
export function sidecarName(spec: SystemSpec, workload: WorkloadSpec, sidecar: SidecarSpec, replica?: number): string {
  return `${containerName(spec, workload, replica)}-${sidecar.name}`;
}

/** Every main container of a workload. */
export function containerNames(spec: SystemSpec, workload: WorkloadSpec): string[] {
  return replicaNumbers(workload).map((n) => containerName(spec, workload, n));
}
