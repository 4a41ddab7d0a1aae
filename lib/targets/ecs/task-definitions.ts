import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct, IConstruct } from 'constructs';
import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { acknowledgePlainEnv } from './acknowledgements';
import { bindMount } from './bind-mounts';
import { containerPlan, type ContainerContext } from './containers';
import { ephemeralMount } from './ephemeral-volumes';
import { familyOf } from './names';
import { addFilesContainer, filesPlan } from './files';
import { LinuxParameters } from './linux-parameters';
import { networkModeOf, type NetworkMode } from './networks';
import { applyTaskPlacement } from './node-placement';
import { applyPlatform, runtimeOptions } from './runtime';
import { addCapabilities } from './security';
import { TaskDefinitionResource, type TaskContainer } from './task-definition-resource';
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
  const task = new TaskDefinitionResource(scope, 'TaskDefinition', {
    family: familyOf(ctx.spec.name, w.name),
    fargate,
    networkMode,
    cpu: size.cpu,
    memory: size.memory,
    pidMode: pidModeOf(w, fargate, ctx.d),
  });
  const volumeNames = new Set<string>();
  const addVolume = (volume: ecs.CfnTaskDefinition.VolumeProperty) => {
    if (volumeNames.has(volume.name!)) return;
    volumeNames.add(volume.name!);
    task.volumes.push(volume);
  };
  /** Each persistent volume the task mounts, and whether some mount of it writes. */
  const writes = new Map<string, boolean>();
  let main: TaskContainer | undefined;
  let plainEnv = false;
  const filesBudget = { used: 0 };
  for (const c of containersOf(w)) {
    let linuxParameters: LinuxParameters | undefined;
    // the workload's init process runs in its main container (`initProcessEnabled`, `docker run --init`)
    const parameters = () => (linuxParameters ??= new LinuxParameters(c.sidecar === undefined && w.init ? true : undefined));
    if (c.sidecar === undefined && w.init) parameters();
    const mountPoints: ecs.CfnTaskDefinition.MountPointProperty[] = [];
    for (const { mount, index } of ownMounts(w, c)) {
      if (mount.kind === 'ephemeral') {
        const made = ephemeralMount(mount, `${c.container.path} mounts[${index}]`, fargate, ctx.d);
        if ('tmpfs' in made) {
          parameters().tmpfs.push(made.tmpfs);
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
    const plan = containerPlan(c.container, ctx, {
      networkMode,
      workloadName: w.name,
      essential: c.sidecar === undefined,
      checkedByTargetGroup: c.sidecar === undefined && checkedByTargetGroup,
      linuxParameters,
    });
    if (!plan) continue;
    const def = task.addContainer(c.sidecar === undefined ? { ...plan, fields: { ...plan.fields, ...runtimeOptions(w, networkMode, fargate, ctx.d) } } : plan);
    def.mountPoints.push(...mountPoints);
    const files = filesPlan(ctx.spec, c.container, plan.image, plan.logging, ctx.secrets, filesBudget, ctx.d);
    if (files) addFilesContainer(task, def, files);
    plainEnv ||= plan.fields.environment !== undefined || files?.options.fields.environment !== undefined;
    if (c.sidecar?.volumesFrom) def.volumesFrom.push({ sourceContainer: w.main.name, readOnly: false });
    if (!c.sidecar) main = def;
  }
  grantVolumes(task.taskRole, identity, w.name, writes, ctx.volumes);
  applyPlatform(task.resource, w, fargate);
  applyTaskPlacement(task.placementConstraints, w, fargate, ctx.d);
  task.finish();
  if (plainEnv) acknowledgePlainEnv(task.resource);
  if (!main) return undefined;
  const executionRole = task.executionRole;
  return {
    construct: task.construct,
    arn: task.resource.ref,
    family: task.resource.family!,
    networkMode,
    taskRole: { construct: task.taskRole.construct, arn: task.taskRole.arn },
    executionRole: executionRole && { construct: executionRole.construct, arn: executionRole.arn },
    mainContainer: main.plan.name,
  };
}
