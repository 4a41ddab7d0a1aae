import type { BindMountSpec, MountSpec, SystemSpec, VolumeSpec } from '../../model/spec';

/**
 * A volume with a host path lives in a project folder on a single Docker host: Compose and docker bind that folder
 * where another volume would be a named Docker volume. The mount of such a volume, as the bind it renders as; any
 * other mount as it is.
 */
export function onSingleHost(spec: SystemSpec, mount: MountSpec): MountSpec {
  if (mount.kind !== 'volume') return mount;
  const hostPath = spec.volumes.find((v) => v.name === mount.volume)?.hostPath;
  if (hostPath === undefined) return mount;
  const bind: BindMountSpec = { kind: 'bind', source: hostPath, target: mount.target, readOnly: mount.readOnly, inImage: false };
  return bind;
}

/** The volumes a single Docker host keeps as named Docker volumes: every one without a host path. */
export function namedDockerVolumes(spec: SystemSpec): VolumeSpec[] {
  return spec.volumes.filter((v) => v.hostPath === undefined);
}
