import type { MountSpec, VolumeSpec } from '../../model/spec';
import { compact, type EngineMap } from './document';
import { propPath } from './prop-path';
import { dockerBytes } from './quantities';

const readOnly = (m: MountSpec): true | undefined => (m.readOnly ? true : undefined);

/**
 * One mount in the long syntax of a compose or stack file's `volumes`. `bindSource` is a bind mount's host path
 * as the file writes it. An ephemeral mount is a tmpfs, or an anonymous volume.
 */
export function longSyntaxMount(mount: MountSpec, bindSource: string): EngineMap {
  const target = mount.target;
  switch (mount.kind) {
    case 'volume':
      return compact({ type: 'volume', source: mount.volume, target, read_only: readOnly(mount) });
    case 'ephemeral': {
      if (!mount.tmpfs) return compact({ type: 'volume', target, read_only: readOnly(mount) });
      const size = mount.sizeLimitBytes !== undefined ? { size: mount.sizeLimitBytes } : undefined;
      return compact({ type: 'tmpfs', target, read_only: readOnly(mount), tmpfs: size });
    }
    case 'bind':
      return compact({ type: 'bind', source: bindSource, target, read_only: readOnly(mount) });
  }
}

/** What a local volume cannot keep of a persistent volume: its size, its storage class. */
export interface LocalVolumeFinding {
  readonly prop: 'size' | 'storageClass';
  /** Where the finding points: `<volume path> size`. */
  readonly path: string;
  readonly message: string;
}

/** How a target names the local volume and what reads a storage class: `a Compose volume`, `Compose`. */
export interface LocalVolumeWords {
  readonly volume: string;
  readonly reader: string;
}

/** The findings for one persistent volume that the local driver holds, in the order a target reports them. */
export function localVolumeFindings(volume: VolumeSpec, words: LocalVolumeWords): LocalVolumeFinding[] {
  const out: LocalVolumeFinding[] = [
    {
      prop: 'size',
      path: propPath(volume.path, 'size'),
      message: `${words.volume} has no size: ${dockerBytes(volume.sizeBytes, 'lower')} is not enforced.`,
    },
  ];
  if (volume.storageClass !== undefined) {
    out.push({
      prop: 'storageClass',
      path: propPath(volume.path, 'storageClass'),
      message: `storage class ${volume.storageClass} means nothing to ${words.reader}: the volume uses the local driver.`,
    });
  }
  return out;
}

/**
 * The top-level `volumes` of a compose or stack file: one local volume per persistent volume, each handed to
 * `onVolume` with what the local driver cannot keep of it, for the target to report.
 */
export function localVolumes(
  volumes: readonly VolumeSpec[],
  words: LocalVolumeWords,
  onVolume: (volume: VolumeSpec, findings: readonly LocalVolumeFinding[]) => void,
): EngineMap | undefined {
  if (volumes.length === 0) return undefined;
  const out: EngineMap = {};
  for (const volume of volumes) {
    out[volume.name] = volume.dockerName !== undefined ? { name: volume.dockerName } : {};
    onVolume(volume, localVolumeFindings(volume, words));
  }
  return out;
}
