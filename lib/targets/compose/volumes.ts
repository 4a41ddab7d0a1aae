import type { ContainerSpec, EphemeralMountSpec, MountSpec } from '../../model/spec';
import { ephemeralSizeText, hasTmpfsOwnership, planMounts, tmpfsOptions } from '../docker-engine/mounts';
import { namedDockerVolumes, onSingleHost } from '../docker-engine/host-path-volumes';
import { fromProjectRoot } from '../docker-engine/paths';
import { propPath } from '../docker-engine/prop-path';
import { localVolumes, longSyntaxMount } from '../docker-engine/volumes';
import type { ComposeMap, ComposeValue } from './document';
import type { ComposeScope } from './scope';

/**
 * One entry of a service's `volumes`. A bind mount uses the short syntax, which creates a missing host directory
 * as `docker run -v` does (the long syntax refuses it, and older Compose cannot say `create_host_path`). A volume
 * with a host path is the bind of its folder.
 */
function mountEntry(scope: ComposeScope, path: string, written: MountSpec): ComposeValue {
  const mount = onSingleHost(scope.spec, written);
  if (mount.kind === 'ephemeral' && !mount.tmpfs && mount.sizeLimitBytes !== undefined) {
    scope.reporter.report('compose/ephemeral-size', path, ...ephemeralSizeText(mount.sizeLimitBytes));
  }
  if (mount.kind !== 'bind') return longSyntaxMount(mount, '');
  // The model refuses a `:` in a mount's source or target; the project root may hold one (a Windows drive).
  const source = fromProjectRoot(scope.projectRoot, mount.source);
  if (source.includes(':')) return longSyntaxMount(mount, source);
  return `${source}:${mount.target}${mount.readOnly ? ':ro' : ''}`;
}

/** The service's `volumes`. A sidecar with volumesFrom gets the main container's mounts through `volumes_from`. */
export function mountKeys(scope: ComposeScope, container: ContainerSpec, main?: ContainerSpec): ComposeValue[] | undefined {
  const plan = planMounts(container, main);
  const entries = plan.own
    .filter(({ mount }) => !ownedTmpfs(mount))
    .map(({ mount, index }) => mountEntry(scope, propPath(container.path, `mounts[${index}]`), mount));
  for (const { mount, index, main: from } of plan.unsharedTmpfs) {
    scope.reporter.report(
      'compose/tmpfs-not-shared',
      propPath(container.path, 'volumesFrom'),
      `the tmpfs ${mount.target} of ${from.path} (mounts[${index}]) is not shared: this container gets its own, empty tmpfs there.`,
      'Share a non-tmpfs ephemeral or persistent volume instead.',
    );
  }
  return entries.length > 0 ? entries : undefined;
}

const ownedTmpfs = (mount: MountSpec): mount is EphemeralMountSpec => mount.kind === 'ephemeral' && mount.tmpfs && hasTmpfsOwnership(mount);

/**
 * The service's `tmpfs`: a tmpfs whose mount point has a mode or an owner, written `path:size=..,mode=1777,uid=..`
 * (the long syntax of `volumes` has no uid or gid, and older Compose refuses its `mode`).
 */
export function tmpfsKey(container: ContainerSpec, main?: ContainerSpec): string[] | undefined {
  const entries = planMounts(container, main)
    .own.map(({ mount }) => mount)
    .filter(ownedTmpfs)
    .map((mount) => `${mount.target}:${tmpfsOptions(mount)}`);
  return entries.length > 0 ? entries : undefined;
}

/**
 * The top-level `volumes`: one local volume per persistent volume without a host path (that one is a bind).
 * Compose has no size or storage class.
 */
export function topLevelVolumes(scope: ComposeScope): ComposeMap | undefined {
  return localVolumes(namedDockerVolumes(scope.spec), { volume: 'a Compose volume', reader: 'Compose' }, (_volume, findings) => {
    for (const { prop, path, message } of findings) {
      scope.reporter.report(prop === 'size' ? 'compose/volume-size' : 'compose/volume-storage-class', path, message);
    }
  });
}
