import { Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { bindSourcePath } from './checks';
import { containerOptions, type ContainerContext, type NetworkMode } from './containers';
import type { VolumeResources } from './infrastructure';
import { containersOf, ownMounts } from './mounts';
import { familyOf } from './names';
import { smallestFargateSize, toMiB, workloadNeed, type TaskSize } from './task-size';

export interface TaskContext extends Omit<ContainerContext, 'workloadName' | 'networkMode'> {
  readonly spec: SystemSpec;
  readonly volumes: ReadonlyMap<string, VolumeResources>;
}

export function networkModeOf(spec: SystemSpec, w: WorkloadSpec): NetworkMode {
  if (spec.options.ecs.launchType === 'fargate') return 'awsvpc';
  return w.hostNetwork ? 'host' : 'bridge';
}

const NETWORK_MODES: Record<NetworkMode, ecs.NetworkMode> = {
  awsvpc: ecs.NetworkMode.AWS_VPC,
  bridge: ecs.NetworkMode.BRIDGE,
  host: ecs.NetworkMode.HOST,
};

/** Task CPU and memory: the smallest Fargate pair that holds the containers, or on EC2 their sum. */
function taskSizeOf(w: WorkloadSpec, ctx: TaskContext): { cpu?: number; memory?: number } | undefined {
  const need = workloadNeed(w);
  const where = `${w.path} resources`;
  if (ctx.spec.options.ecs.launchType === 'ec2') {
    if (need.memory === 0) {
      ctx.d.add('ecs/ec2-default-memory', where, 'no container sets memory or a memory reservation: the task gets 512 MiB');
    }
    return { cpu: need.cpu > 0 ? need.cpu : undefined, memory: need.memory > 0 ? need.memory : 512 };
  }
  if (need.cpu === 0 && need.memory === 0) {
    ctx.d.add('ecs/fargate-default-size', where, 'no container sets CPU or memory: the task gets 256 CPU units (0.25 vCPU) and 512 MiB', 'Set resources (cpus, memory) to size it.');
    return { cpu: 256, memory: 512 };
  }
  const size = smallestFargateSize(need);
  if (!size) return undefined;
  if (size.cpu !== need.cpu || size.memory !== need.memory) {
    ctx.d.add('ecs/fargate-task-size', where, `the containers need ${describe(need)}; the smallest Fargate size that holds them is ${size.cpu} CPU units and ${size.memory} MiB`);
  }
  return size;
}

function describe(need: TaskSize): string {
  return `${need.cpu > 0 ? `${need.cpu} CPU units` : 'no CPU'} and ${need.memory > 0 ? `${need.memory} MiB` : 'no memory'}`;
}

/**
 * The file system admits a workload on the NFS port. Across stacks the rule goes to the workload's stack, which
 * depends on the shared one (aws-cdk-lib would put it beside the file system's group, a cycle).
 */
function admit(fileSystem: efs.FileSystem, identity: ec2.IConnectable, description: string): void {
  const groups = identity.connections.securityGroups;
  const own = fileSystem.connections.securityGroups;
  if (groups.length !== 1 || own.length !== 1 || Stack.of(groups[0]) === Stack.of(own[0])) {
    fileSystem.connections.allowDefaultPortFrom(identity, description);
    return;
  }
  own[0].addIngressRule(groups[0], fileSystem.connections.defaultPort!, description, true);
}

export interface BuiltTask {
  readonly taskDefinition: ecs.TaskDefinition;
  readonly main: ecs.ContainerDefinition;
  readonly networkMode: NetworkMode;
}

/**
 * One task definition per workload: the main container and its sidecars, with EFS, task and host volumes.
 * `identity` is what EFS admits: the workload's security group, or the container instances on EC2.
 */
export function buildTaskDefinition(scope: Construct, w: WorkloadSpec, ctx: TaskContext, identity: ec2.IConnectable, httpCheckedByTargetGroup: boolean): BuiltTask | undefined {
  const size = taskSizeOf(w, ctx);
  if (!size) return undefined;
  const fargate = ctx.spec.options.ecs.launchType === 'fargate';
  const networkMode = networkModeOf(ctx.spec, w);
  const taskDefinition = new ecs.TaskDefinition(scope, 'TaskDefinition', {
    family: familyOf(ctx.spec.name, w.name),
    compatibility: fargate ? ecs.Compatibility.FARGATE : ecs.Compatibility.EC2,
    networkMode: NETWORK_MODES[networkMode],
    cpu: size.cpu !== undefined ? String(size.cpu) : undefined,
    memoryMiB: size.memory !== undefined ? String(size.memory) : undefined,
  });
  const volumeNames = new Set<string>();
  const addVolume = (volume: ecs.Volume) => {
    if (volumeNames.has(volume.name)) return;
    volumeNames.add(volume.name);
    taskDefinition.addVolume(volume);
  };
  const efsAccess = new Map<string, boolean>();
  let main: ecs.ContainerDefinition | undefined;
  for (const c of containersOf(w)) {
    const mounts = ownMounts(w, c);
    let linuxParameters: ecs.LinuxParameters | undefined;
    const mountPoints: ecs.MountPoint[] = [];
    for (const { mount, index } of mounts) {
      const where = `${c.container.path} mounts[${index}]`;
      if (mount.kind === 'volume') {
        const resources = ctx.volumes.get(mount.volume)!;
        const name = `volume-${mount.volume}`;
        addVolume({
          name,
          efsVolumeConfiguration: {
            fileSystemId: resources.fileSystem.fileSystemId,
            transitEncryption: 'ENABLED',
            authorizationConfig: { accessPointId: resources.accessPoint.accessPointId, iam: 'ENABLED' },
          },
        });
        efsAccess.set(mount.volume, (efsAccess.get(mount.volume) ?? false) || !mount.readOnly);
        mountPoints.push({ sourceVolume: name, containerPath: mount.target, readOnly: mount.readOnly });
      } else if (mount.kind === 'ephemeral') {
        if (mount.tmpfs && !fargate) {
          const size = mount.sizeLimitBytes !== undefined ? toMiB(mount.sizeLimitBytes) : 64;
          if (mount.sizeLimitBytes === undefined) ctx.d.add('ecs/tmpfs-size', where, `the tmpfs at ${mount.target} has no size limit: ECS needs one, using 64 MiB`, "Set Mount.ephemeral(target, { tmpfs: true, sizeLimit: '...' }).");
          linuxParameters ??= new ecs.LinuxParameters(scope, `LinuxParameters-${c.container.name}`);
          linuxParameters.addTmpfs({ containerPath: mount.target, size, mountOptions: mount.readOnly ? [ecs.TmpfsMountOption.RO] : undefined });
          continue;
        }
        if (mount.tmpfs) ctx.d.add('ecs/tmpfs-fargate', where, `Fargate has no tmpfs: ${mount.target} is kept on the task's ephemeral storage, not in memory`, "Set targetOptions.ecs.launchType 'ec2' for a tmpfs.");
        else if (mount.sizeLimitBytes !== undefined) ctx.d.add('ecs/ephemeral-size', where, `ECS task volumes have no size limit: the limit of ${mount.sizeLimitBytes} bytes on ${mount.target} is not enforced`);
        const name = `ephemeral-${mount.name}`;
        addVolume({ name });
        mountPoints.push({ sourceVolume: name, containerPath: mount.target, readOnly: mount.readOnly });
      } else {
        const name = `bind-${c.container.name}-${index}`;
        addVolume({ name, host: { sourcePath: bindSourcePath(ctx.spec.name, mount.source) } });
        mountPoints.push({ sourceVolume: name, containerPath: mount.target, readOnly: mount.readOnly });
      }
    }
    const options = containerOptions(
      c.container,
      { ...ctx, workloadName: w.name, networkMode },
      c.sidecar === undefined,
      c.sidecar === undefined && httpCheckedByTargetGroup,
      linuxParameters,
    );
    if (!options) continue;
    const def = taskDefinition.addContainer(c.container.name, options);
    if (mountPoints.length > 0) def.addMountPoints(...mountPoints);
    if (c.sidecar?.volumesFrom) def.addVolumesFrom({ sourceContainer: w.main.name, readOnly: false });
    if (!c.sidecar) main = def;
  }
  for (const [volume, write] of [...efsAccess.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const { fileSystem } = ctx.volumes.get(volume)!;
    admit(fileSystem, identity, `${w.name} mounts ${volume}`);
    // the ARN is built from the file system id (Ref) rather than read with GetAtt
    const arn = Stack.of(scope).formatArn({ service: 'elasticfilesystem', resource: 'file-system', resourceName: fileSystem.fileSystemId });
    taskDefinition.taskRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['elasticfilesystem:ClientMount', ...(write ? ['elasticfilesystem:ClientWrite', 'elasticfilesystem:ClientRootAccess'] : [])],
        resources: [arn],
      }),
    );
  }
  if (!main) return undefined;
  return { taskDefinition, main, networkMode };
}
