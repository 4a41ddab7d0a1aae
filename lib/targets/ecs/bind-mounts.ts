import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { BindMountSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { EC2_FIX } from './launch-type';

/**
 * A host bind mount on ECS: a host volume of the task, on the EC2 launch type only. A relative source is looked
 * for under /opt/<system>/ on the container instance, since the instance has no project directory.
 */

/** Where a relative bind-mount source lives on a container instance. */
function bindSourcePath(systemName: string, source: string): string {
  if (source.startsWith('/')) return source;
  const parts: string[] = [];
  for (const part of source.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return ['/opt', systemName, ...parts].join('/');
}

/** Fargate has no host to mount from; on EC2 a relative source must be put on every instance. */
export function checkBindMount(systemName: string, mount: BindMountSpec, where: string, fargate: boolean, d: EcsReporter): void {
  if (fargate) {
    d.report('ecs/bind-mount-fargate', where, `bind mounts need the EC2 launch type: Fargate has no host to mount ${JSON.stringify(mount.source)} from`, `${EC2_FIX}, or use Mount.volume / Mount.ephemeral.`);
  } else if (!mount.source.startsWith('/')) {
    d.report('ecs/bind-mount-relative', where, `the container instance has no project directory: ${JSON.stringify(mount.source)} is mounted from ${bindSourcePath(systemName, mount.source)}`, 'Put the files there on every container instance, or bind an absolute path.');
  }
}

/** The host volume and mount point of one bind mount; `index` is the mount's place in the container's mounts. */
export function bindMount(systemName: string, containerName: string, index: number, mount: BindMountSpec): { volume: ecs.CfnTaskDefinition.VolumeProperty; mountPoint: ecs.CfnTaskDefinition.MountPointProperty } {
  const name = `bind-${containerName}-${index}`;
  return {
    volume: { name, host: { sourcePath: bindSourcePath(systemName, mount.source) } },
    mountPoint: { sourceVolume: name, containerPath: mount.target, readOnly: mount.readOnly },
  };
}
