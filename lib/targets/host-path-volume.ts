import type { SystemSpec, VolumeSpec } from '../model/spec';

/** Where a volume is mounted first: the workload (by name order) and the path inside its container. */
export interface VolumeUse {
  readonly workload: string;
  readonly target: string;
}

function firstUse(spec: SystemSpec, volume: VolumeSpec): VolumeUse {
  for (const w of [...spec.services, ...spec.jobs].filter((x) => volume.users.includes(x.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    for (const c of [w.main, ...w.sidecars]) {
      const mount = c.mounts.find((m) => m.kind === 'volume' && m.volume === volume.name);
      if (mount) return { workload: w.name, target: mount.target };
    }
  }
  return { workload: 'its workload', target: '<mount path>' };
}

/**
 * The note of a target that keeps the data of a volume with a host path in a volume of its own: the data is
 * carried as persistent storage, which starts empty, not in the project folder Compose and docker bind. `store`
 * names that storage (`the PersistentVolumeClaim mail-data`); `copy` says how data gets in, given where the volume
 * is mounted first. Undefined for a volume without a host path.
 */
export function hostPathVolumeText(spec: SystemSpec, volume: VolumeSpec, store: string, copy: (use: VolumeUse) => string): [string, string] | undefined {
  if (volume.hostPath === undefined) return undefined;
  return [
    `the data of volume ${volume.name} lives in ${store}, which starts empty, not in the project folder ${volume.hostPath} that Compose and docker bind.`,
    `If ${volume.hostPath} holds data to keep, copy it in once: ${copy(firstUse(spec, volume))}.`,
  ];
}
