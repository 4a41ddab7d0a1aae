import type { ContainerSpec, MountSpec, SidecarSpec } from '../../model/spec';
import type { SwarmCode } from './codes';
import { hasTmpfsOwnership, tmpfsOptions } from '../docker-engine/mounts';
import { compact, type StackMap, type StackValue } from './document';
import { fromProjectRoot, isRelative } from './paths';
import { dockerBytes } from './quantities';
import { propPath, type SwarmScope } from './scope';

const readOnly = (m: MountSpec): true | undefined => (m.readOnly ? true : undefined);

/**
 * One entry of a service's `volumes`, in the long syntax. `path` is where a finding about it is reported;
 * undefined for a mount repeated from the main container, whose findings are reported there.
 */
function mountEntry(scope: SwarmScope, container: ContainerSpec, path: string | undefined, mount: MountSpec): StackValue {
  const report = (code: SwarmCode, message: string, fix: string): void => {
    if (path !== undefined) scope.reporter.report(code, path, message, fix);
  };
  switch (mount.kind) {
    case 'volume':
      return compact({ type: 'volume', source: mount.volume, target: mount.target, read_only: readOnly(mount) });
    case 'ephemeral':
      if (mount.tmpfs) {
        if (path !== undefined && hasTmpfsOwnership(mount)) {
          scope.reporter.report(
            'swarm/tmpfs-ownership',
            path,
            `a stack file's tmpfs takes a size only: the mode, uid and gid of ${mount.target} are left to the runtime, root-owned with mode 1777 (got ${tmpfsOptions(mount)}).`,
          );
        }
        const size = mount.sizeLimitBytes !== undefined ? { size: mount.sizeLimitBytes } : undefined;
        return compact({ type: 'tmpfs', target: mount.target, read_only: readOnly(mount), tmpfs: size });
      }
      if (mount.sizeLimitBytes !== undefined) {
        report(
          'swarm/ephemeral-size',
          `an anonymous volume cannot be limited to ${dockerBytes(mount.sizeLimitBytes, 'lower')}: the limit is not enforced.`,
          'Make it a tmpfs mount (Mount.ephemeral(target, { tmpfs: true, sizeLimit })) to have the limit enforced.',
        );
      }
      return compact({ type: 'volume', target: mount.target, read_only: readOnly(mount) });
    case 'bind': {
      const source = fromProjectRoot(scope.projectRoot, mount.source);
      if (isRelative(mount.source)) {
        report(
          'swarm/bind-relative',
          `\`docker stack deploy\` turns ${mount.source} into an absolute path on the deploying machine; ${container.name} sees that path on the node that runs it, which is another machine on a swarm of several nodes.`,
          'Deploy from the project folder to a single-node swarm, or mount a volume instead, or give an absolute path that exists on every node.',
        );
      } else {
        report(
          'swarm/bind-mount',
          `${container.name} mounts ${mount.source} of whichever node runs it: the folder must exist on every node.`,
          'Create the folder on every node, or pin the service to one node, or mount a volume instead.',
        );
      }
      return compact({ type: 'bind', source, target: mount.target, read_only: readOnly(mount) });
    }
  }
}

const sameMount = (a: MountSpec, b: MountSpec): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The service's `volumes`. A sidecar with volumesFrom is its own service on Swarm: the main container's mounts
 * are repeated in it (the same named volume, the same host folder), but an ephemeral one cannot be shared, and
 * the sidecar gets its own, empty one, which is said.
 */
export function mountsKey(scope: SwarmScope, container: ContainerSpec, main?: ContainerSpec): StackValue[] | undefined {
  const inherited = main && (container as SidecarSpec).volumesFrom ? main.mounts : [];
  const entries: StackValue[] = [];
  let own = 0;
  for (const mount of container.mounts) {
    const from = inherited.findIndex((m) => sameMount(m, mount));
    if (from < 0) {
      entries.push(mountEntry(scope, container, propPath(container.path, `mounts[${own++}]`), mount));
      continue;
    }
    entries.push(mountEntry(scope, container, undefined, mount));
    if (mount.kind === 'ephemeral') {
      scope.reporter.report(
        'swarm/sidecar-ephemeral',
        propPath(container.path, 'volumesFrom'),
        `the ephemeral mount ${mount.target} of ${main!.path} (mounts[${from}]) is not shared: this container gets its own, empty one there.`,
        'Share a persistent volume instead, or render this system on a target that runs the containers together (Kubernetes, ECS).',
      );
    }
  }
  return entries.length > 0 ? entries : undefined;
}

/**
 * The top-level `volumes`: one local volume per persistent volume. A local volume lives on the node that runs
 * the task, so it is said once per volume; a size or storage class means nothing to the local driver.
 */
export function topLevelVolumes(scope: SwarmScope): StackMap | undefined {
  if (scope.spec.volumes.length === 0) return undefined;
  const out: StackMap = {};
  for (const volume of scope.spec.volumes) {
    out[volume.name] = {};
    scope.reporter.report(
      'swarm/volume-node-local',
      volume.path,
      `volume ${volume.name} is local to the node that runs ${volume.users.join(', ') || 'its users'}: a task moved to another node starts with an empty volume.`,
      'Pin the services that mount it to one node (`docker node update --label-add`, then a placement constraint), or use a volume plugin that shares storage between nodes.',
    );
    scope.reporter.report(
      'swarm/volume-size',
      propPath(volume.path, 'size'),
      `a local Swarm volume has no size: ${dockerBytes(volume.sizeBytes, 'lower')} is not enforced.`,
    );
    if (volume.storageClass !== undefined) {
      scope.reporter.report(
        'swarm/volume-storage-class',
        propPath(volume.path, 'storageClass'),
        `storage class ${volume.storageClass} means nothing to Swarm: the volume uses the local driver.`,
      );
    }
  }
  return out;
}
