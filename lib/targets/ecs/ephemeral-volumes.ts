import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { EphemeralMountSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { toMiB } from './task-size';

/**
 * An ephemeral volume on ECS: a task volume without a host, which lives as long as the task. A tmpfs is a tmpfs
 * mount of the container on EC2; Fargate has none and keeps it on the task's ephemeral storage.
 */
type EphemeralMount = { readonly tmpfs: ecs.CfnTaskDefinition.TmpfsProperty } | { readonly volume: ecs.CfnTaskDefinition.VolumeProperty; readonly mountPoint: ecs.CfnTaskDefinition.MountPointProperty };

/** What an ephemeral mount becomes; `where` is the container path and prop (`shop/web mounts[0]`). */
export function ephemeralMount(mount: EphemeralMountSpec, where: string, fargate: boolean, d: EcsReporter): EphemeralMount {
  if (mount.tmpfs && (mount.mode !== undefined || mount.uid !== undefined || mount.gid !== undefined)) {
    const given = [mount.mode !== undefined ? `mode ${mount.mode.toString(8)}` : '', mount.uid !== undefined ? `uid ${mount.uid}` : '', mount.gid !== undefined ? `gid ${mount.gid}` : ''];
    d.report('ecs/tmpfs-ownership', where, `an ECS tmpfs mount takes no mode, uid or gid: ${given.filter((g) => g !== '').join(', ')} of ${mount.target} is left out, and the mount point is root-owned`);
  }
  if (mount.tmpfs && !fargate) {
    const size = mount.sizeLimitBytes !== undefined ? toMiB(mount.sizeLimitBytes) : 64;
    if (mount.sizeLimitBytes === undefined) d.report('ecs/tmpfs-size', where, `the tmpfs at ${mount.target} has no size limit: ECS needs one, using 64 MiB`, "Set Mount.ephemeral(target, { tmpfs: true, sizeLimit: '...' }).");
    return { tmpfs: { containerPath: mount.target, size, mountOptions: mount.readOnly ? ['ro'] : undefined } };
  }
  if (mount.tmpfs) d.report('ecs/tmpfs-fargate', where, `Fargate has no tmpfs: ${mount.target} is kept on the task's ephemeral storage, not in memory`, "Set targetOptions.ecs.launchType 'ec2' for a tmpfs.");
  else if (mount.sizeLimitBytes !== undefined) d.report('ecs/ephemeral-size', where, `ECS task volumes have no size limit: the limit of ${mount.sizeLimitBytes} bytes on ${mount.target} is not enforced`);
  const name = `ephemeral-${mount.name}`;
  return { volume: { name }, mountPoint: { sourceVolume: name, containerPath: mount.target, readOnly: mount.readOnly } };
}
