import type { ContainerSpec, MountSpec, SidecarSpec } from '../../model/spec';
import type { FindingText } from '../docker-engine/finding-text';
import { fromProjectRoot, isAbsolutePath } from '../docker-engine/paths';
import { propPath } from '../docker-engine/prop-path';
import { localVolumes, longSyntaxMount } from '../docker-engine/volumes';
import type { SwarmCode } from './codes';
import { bindInImageText } from '../bind-in-image';
import { hostPathVolumeText } from '../host-path-volume';
import { ephemeralSizeText, hasTmpfsOwnership, tmpfsOptions } from '../docker-engine/mounts';
import type { StackMap, StackValue } from './document';
import type { SwarmScope } from './scope';

/**
 * One entry of a service's `volumes`, in the long syntax. `path` is where a finding about it is reported;
 * undefined for a mount repeated from the main container, whose findings are reported there.
 */
function mountEntry(scope: SwarmScope, container: ContainerSpec, path: string | undefined, mount: MountSpec): StackValue {
  const report = (code: SwarmCode, [message, fix]: FindingText): void => {
    if (path !== undefined) scope.reporter.report(code, path, message, fix);
  };
  if (mount.kind === 'ephemeral' && mount.tmpfs && path !== undefined && hasTmpfsOwnership(mount)) {
    scope.reporter.report(
      'swarm/tmpfs-ownership',
      path,
      `a stack file's tmpfs takes a size only: the mode, uid and gid of ${mount.target} are left to the runtime, root-owned with mode 1777 (got ${tmpfsOptions(mount)}).`,
    );
  }
  if (mount.kind === 'ephemeral' && !mount.tmpfs && mount.sizeLimitBytes !== undefined) {
    report('swarm/ephemeral-size', ephemeralSizeText(mount.sizeLimitBytes));
  }
  if (mount.kind !== 'bind') return longSyntaxMount(mount, '');
  if (isAbsolutePath(mount.source)) {
    report('swarm/bind-mount', [
      `${container.name} mounts ${mount.source} of whichever node runs it: the folder must exist on every node.`,
      'Create the folder on every node, or pin the service to one node, or mount a volume instead.',
    ]);
  } else {
    report('swarm/bind-relative', [
      `\`docker stack deploy\` turns ${mount.source} into an absolute path on the deploying machine; ${container.name} sees that path on the node that runs it, which is another machine on a swarm of several nodes.`,
      'Deploy from the project folder to a single-node swarm, or mount a volume instead, or give an absolute path that exists on every node.',
    ]);
  }
  return longSyntaxMount(mount, fromProjectRoot(scope.projectRoot, mount.source));
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
    if (mount.kind === 'bind' && mount.inImage) {
      if (from < 0) scope.reporter.report('swarm/bind-in-image', propPath(container.path, `mounts[${own++}]`), bindInImageText(container, mount));
      continue;
    }
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
 * the task, so it is said once per volume; a size or storage class means nothing to the local driver. A volume with
 * a host path is a named volume as any other, with a note that its data is there, not in the project folder.
 */
export function topLevelVolumes(scope: SwarmScope): StackMap | undefined {
  return localVolumes(scope.spec.volumes, { volume: 'a local Swarm volume', reader: 'Swarm' }, (volume, findings) => {
    scope.reporter.report(
      'swarm/volume-node-local',
      volume.path,
      `volume ${volume.name} is local to the node that runs ${volume.users.join(', ') || 'its users'}: a task moved to another node starts with an empty volume.`,
      'Pin the services that mount it to one node (`docker node update --label-add`, then a placement constraint), or use a volume plugin that shares storage between nodes.',
    );
    const onHost = hostPathVolumeText(scope.spec, volume, `the named volume ${volume.dockerName ?? `<stack>_${volume.name}`} of the node that runs the task`, (use) => `docker cp ${volume.hostPath}/. <container of ${use.workload}>:${use.target} on that node`);
    if (onHost) scope.reporter.report('swarm/project-folder-volume', propPath(volume.path, 'hostPath'), ...onHost);
    for (const { prop, path, message } of findings) {
      scope.reporter.report(prop === 'size' ? 'swarm/volume-size' : 'swarm/volume-storage-class', path, message);
    }
  });
}
