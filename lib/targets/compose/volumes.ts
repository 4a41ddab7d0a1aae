import type { ContainerSpec, MountSpec, SidecarSpec } from '../../model/spec';
import { compact, type ComposeMap, type ComposeValue } from './document';
import { fromProjectRoot } from './paths';
import { dockerBytes } from './quantities';
import { propPath, type ComposeScope } from './scope';

const readOnly = (m: MountSpec): true | undefined => (m.readOnly ? true : undefined);

/**
 * One entry of a service's `volumes`. A bind mount uses the short syntax, which creates a missing host directory
 * as `docker run -v` does (the long syntax refuses it, and older Compose cannot say `create_host_path`).
 */
function mountEntry(scope: ComposeScope, path: string, mount: MountSpec): ComposeValue {
  switch (mount.kind) {
    case 'volume':
      return compact({ type: 'volume', source: mount.volume, target: mount.target, read_only: readOnly(mount) });
    case 'ephemeral':
      if (mount.tmpfs) {
        const size = mount.sizeLimitBytes !== undefined ? { size: mount.sizeLimitBytes } : undefined;
        return compact({ type: 'tmpfs', target: mount.target, read_only: readOnly(mount), tmpfs: size });
      }
      if (mount.sizeLimitBytes !== undefined) {
        scope.report(
          'compose/ephemeral-size',
          path,
          `an anonymous volume cannot be limited to ${dockerBytes(mount.sizeLimitBytes, 'lower')}: the limit is not enforced.`,
          'Make it a tmpfs mount (Mount.ephemeral(target, { tmpfs: true, sizeLimit })) to have the limit enforced.',
        );
      }
      return compact({ type: 'volume', target: mount.target, read_only: readOnly(mount) });
    case 'bind': {
      const source = fromProjectRoot(scope.projectRoot, mount.source);
      if (source.includes(':') || mount.target.includes(':')) {
        return compact({ type: 'bind', source, target: mount.target, read_only: readOnly(mount) });
      }
      return `${source}:${mount.target}${mount.readOnly ? ':ro' : ''}`;
    }
  }
}

const sameMount = (a: MountSpec, b: MountSpec): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The service's `volumes`. A sidecar with volumesFrom gets the main container's mounts through `volumes_from`,
 * so those are left out here (mounting them twice would fail on a duplicate mount point).
 */
export function mountKeys(scope: ComposeScope, container: ContainerSpec, main?: ContainerSpec): ComposeValue[] | undefined {
  const inherited = main && (container as SidecarSpec).volumesFrom ? main.mounts : [];
  const entries: ComposeValue[] = [];
  let own = 0;
  for (const mount of container.mounts) {
    if (inherited.some((m) => sameMount(m, mount))) continue;
    entries.push(mountEntry(scope, propPath(container.path, `mounts[${own++}]`), mount));
  }
  inherited.forEach((mount, i) => {
    if (mount.kind !== 'ephemeral' || !mount.tmpfs || !main) return;
    scope.report(
      'compose/tmpfs-not-shared',
      propPath(container.path, 'volumesFrom'),
      `the tmpfs ${mount.target} of ${main.path} (mounts[${i}]) is not shared: this container gets its own, empty tmpfs there.`,
      'Share a non-tmpfs ephemeral or persistent volume instead.',
    );
  });
  return entries.length > 0 ? entries : undefined;
}

/** The top-level `volumes`: one local volume per persistent volume. Compose has no size or storage class. */
export function topLevelVolumes(scope: ComposeScope): ComposeMap | undefined {
  if (scope.spec.volumes.length === 0) return undefined;
  const out: ComposeMap = {};
  for (const volume of scope.spec.volumes) {
    out[volume.name] = {};
    scope.report(
      'compose/volume-size',
      propPath(volume.path, 'size'),
      `a Compose volume has no size: ${dockerBytes(volume.sizeBytes, 'lower')} is not enforced.`,
    );
    if (volume.storageClass !== undefined) {
      scope.report(
        'compose/volume-storage-class',
        propPath(volume.path, 'storageClass'),
        `storage class ${volume.storageClass} means nothing to Compose: the volume uses the local driver.`,
      );
    }
  }
  return out;
}
