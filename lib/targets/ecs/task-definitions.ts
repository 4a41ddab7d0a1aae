import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct, IConstruct } from 'constructs';
import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { acknowledgePlainEnv } from './acknowledgements';
import { bindMount } from './bind-mounts';
import { containerOptions, type ContainerContext } from './containers';
import { ephemeralMount } from './ephemeral-volumes';
import { familyOf } from './names';
import { addFilesContainer, filesPlan } from './files';
import { ecsNetworkMode, networkModeOf, type NetworkMode } from './networks';
import { applyTaskPlacement } from './node-placement';
import { applyPlatform, runtimeOptions } from './runtime';
import { addCapabilities } from './security';
import { taskSizeOf } from './task-size';
import { grantVolumes, volumeMount, type VolumeResources } from './volumes';
import { containersOf, ownMounts } from './workloads';
import { addDevices } from './devices';
import { pidModeOf } from './host-pid';
import { reportGroups } from './groups';

export interface TaskContext extends ContainerContext {
  readonly spec: SystemSpec;
  readonly volumes: ReadonlyMap<string, VolumeResources>;
}

export interface BuiltTask {
  /** The construct at `<workload>/TaskDefinition`: dependencies and tags go on it. */
  readonly construct: Construct;
  /** `Ref` of the task definition (its ARN). */
  readonly arn: string;
  readonly family: string;
  readonly networkMode: NetworkMode;
  /** The task role's construct (services depend on it, as aws-cdk-lib's do) and ARN. */
  readonly taskRole: { readonly construct: IConstruct; readonly arn: string };
  /** The execution role's, when the task has one. */
  readonly executionRole?: { readonly construct: IConstruct; readonly arn: string };
  /** The main container's name. */
  readonly mainContainer: string;
}

/**
 * One task definition per workload: the main container and its sidecars, with their volumes (volumes.ts,
 * ephemeral-volumes.ts, bind-mounts.ts). `identity` is what EFS admits: the workload's security group, or the
 * container instances on EC2. Undefined when the task cannot be built (an error says why).
 */
export function buildTaskDefinition(scope: Construct, w: WorkloadSpec, ctx: TaskContext, identity: ec2.IConnectable, checkedByTargetGroup: boolean): BuiltTask | undefined {
  const size = taskSizeOf(ctx.spec, w, ctx.d);
  if (!size) return undefined;
  const fargate = ctx.spec.options.ecs.launchType === 'fargate';
  const networkMode = networkModeOf(ctx.spec, w);
  const taskDefinition = new ecs.TaskDefinition(scope, 'TaskDefinition', {
    family: familyOf(ctx.spec.name, w.name),
    compatibility: fargate ? ecs.Compatibility.FARGATE : ecs.Compatibility.EC2,
    networkMode: ecsNetworkMode(networkMode),
    cpu: size.cpu !== undefined ? String(size.cpu) : undefined,
    memoryMiB: size.memory !== undefined ? String(size.memory) : undefined,
    pidMode: pidModeOf(w, fargate, ctx.d),
  });
  const volumeNames = new Set<string>();
  const addVolume = (volume: ecs.Volume) => {
    if (volumeNames.has(volume.name)) return;
    volumeNames.add(volume.name);
    taskDefinition.addVolume(volume);
  };
  /** Each persistent volume the task mounts, and whether some mount of it writes. */
  const writes = new Map<string, boolean>();
  let main: ecs.ContainerDefinition | undefined;
  let plainEnv = false;
  const filesBudget = { used: 0 };
  for (const c of containersOf(w)) {
    let linuxParameters: ecs.LinuxParameters | undefined;
    // the workload's init process runs in its main container (`initProcessEnabled`, `docker run --init`)
    const parameters = () => (linuxParameters ??= new ecs.LinuxParameters(scope, `LinuxParameters-${c.container.name}`, c.sidecar === undefined && w.init ? { initProcessEnabled: true } : {}));
    if (c.sidecar === undefined && w.init) parameters();
    const mountPoints: ecs.MountPoint[] = [];
    for (const { mount, index } of ownMounts(w, c)) {
      if (mount.kind === 'ephemeral') {
        const made = ephemeralMount(mount, `${c.container.path} mounts[${index}]`, fargate, ctx.d);
        if ('tmpfs' in made) {
          parameters().addTmpfs(made.tmpfs);
          continue;
        }
        addVolume(made.volume);
        mountPoints.push(made.mountPoint);
        continue;
      }
      if (mount.kind === 'bind' && mount.inImage) continue;
      if (mount.kind === 'volume') writes.set(mount.volume, (writes.get(mount.volume) ?? false) || !mount.readOnly);
      const made = mount.kind === 'volume' ? volumeMount(mount, ctx.volumes.get(mount.volume)!) : bindMount(ctx.spec.name, c.container.name, index, mount);
      addVolume(made.volume);
      mountPoints.push(made.mountPoint);
    }
    addCapabilities(ctx.spec, c.container, parameters);
    reportGroups(c.container, ctx.d);
    if (c.sidecar === undefined) addDevices(w, fargate, ctx.d, parameters);
    const options = containerOptions(c.container, ctx, {
      networkMode,
      workloadName: w.name,
      essential: c.sidecar === undefined,
      checkedByTargetGroup: c.sidecar === undefined && checkedByTargetGroup,
      linuxParameters,
    });
    if (!options) continue;
    const def = taskDefinition.addContainer(c.container.name, c.sidecar === undefined ? { ...options, ...runtimeOptions(w, networkMode, fargate, ctx.d) } : options);
    if (mountPoints.length > 0) def.addMountPoints(...mountPoints);
    const files = filesPlan(ctx.spec, c.container, options.image, options.logging, ctx.secrets, filesBudget, ctx.d);
    if (files) addFilesContainer(taskDefinition, def, files);
    plainEnv ||= options.environment !== undefined || files?.options.environment !== undefined;
    if (c.sidecar?.volumesFrom) def.addVolumesFrom({ sourceContainer: w.main.name, readOnly: false });
    if (!c.sidecar) main = def;
  }
  grantVolumes(taskDefinition, identity, w.name, writes, ctx.volumes);
  applyPlatform(taskDefinition, w, fargate);
  applyTaskPlacement(taskDefinition, w, fargate, ctx.d);
  if (plainEnv) acknowledgePlainEnv(taskDefinition);
  if (!main) return undefined;
  const { taskRole, executionRole } = taskDefinition;
  return {
    construct: taskDefinition,
    arn: taskDefinition.taskDefinitionArn,
    family: taskDefinition.family,
    networkMode,
    taskRole: { construct: taskRole, arn: taskRole.roleArn },
    executionRole: executionRole && { construct: executionRole, arn: executionRole.roleArn },
    mainContainer: main.containerName,
  };
}
