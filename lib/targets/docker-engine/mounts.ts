import type { ContainerSpec, EphemeralMountSpec, MountSpec, SidecarSpec } from '../../model/spec';
import type { FindingText } from './finding-text';
import { dockerBytes } from './quantities';

/** A mount with its index in the list a diagnostic path names (`mounts[i]`). */
interface IndexedMount<M extends MountSpec = MountSpec> {
  readonly mount: M;
  readonly index: number;
}

/** A tmpfs of the main container, which volumes-from does not share: Docker never shares a tmpfs. */
interface UnsharedTmpfs extends IndexedMount<EphemeralMountSpec> {
  /** The main container, whose `mounts[index]` the tmpfs is. */
  readonly main: ContainerSpec;
}

/** What a container mounts itself, and what volumes-from cannot give it. */
export interface MountPlan {
  /** The container's own mounts, numbered without those it gets from the main container through volumes-from. */
  readonly own: readonly IndexedMount[];
  /** The main container's tmpfs mounts, for a sidecar with volumesFrom. */
  readonly unsharedTmpfs: readonly UnsharedTmpfs[];
}

const sameMount = (a: MountSpec, b: MountSpec): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The mounts of one container, whether main or sidecar (`main` is set for a sidecar). A sidecar with volumesFrom
 * gets the main container's mounts through volumes-from, so those are left out (mounting them twice fails on a
 * duplicate mount point).
 */
export function planMounts(container: ContainerSpec | SidecarSpec, main?: ContainerSpec): MountPlan {
  const inherited = main && 'volumesFrom' in container && container.volumesFrom ? main.mounts : [];
  const own: IndexedMount[] = [];
  for (const mount of container.mounts) if (!inherited.some((m) => sameMount(m, mount))) own.push({ mount, index: own.length });
  const unsharedTmpfs: UnsharedTmpfs[] = [];
  inherited.forEach((mount, index) => {
    if (main && mount.kind === 'ephemeral' && mount.tmpfs) unsharedTmpfs.push({ mount, index, main });
  });
  return { own, unsharedTmpfs };
}

/** An anonymous volume with a size limit: Docker cannot enforce it, the same under every Docker-engine target. */
export function ephemeralSizeText(bytes: number): FindingText {
  return [
    `an anonymous volume cannot be limited to ${dockerBytes(bytes, 'lower')}: the limit is not enforced.`,
    'Make it a tmpfs mount (Mount.ephemeral(target, { tmpfs: true, sizeLimit })) to have the limit enforced.',
  ];
}

/** True when a tmpfs sets its mount point's mode or owner, which only `--tmpfs` options can say in full. */
export function hasTmpfsOwnership(mount: EphemeralMountSpec): boolean {
  return mount.mode !== undefined || mount.uid !== undefined || mount.gid !== undefined;
}

/** The options of `--tmpfs path:options` (and of a Compose `tmpfs` entry): size, mode in octal, uid, gid, ro. */
export function tmpfsOptions(mount: EphemeralMountSpec): string {
  return [
    ...(mount.sizeLimitBytes !== undefined ? [`size=${mount.sizeLimitBytes}`] : []),
    ...(mount.mode !== undefined ? [`mode=${mount.mode.toString(8)}`] : []),
    ...(mount.uid !== undefined ? [`uid=${mount.uid}`] : []),
    ...(mount.gid !== undefined ? [`gid=${mount.gid}`] : []),
    ...(mount.readOnly ? ['ro'] : []),
  ].join(',');
}
