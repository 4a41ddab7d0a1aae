import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import type { SystemSpec, VolumeMountSpec } from '../../model/spec';
import { hostPathVolumeText } from '../host-path-volume';
import type { EcsReporter } from './codes';
import type { TaskRole } from './task-role';
import { sharedSubnets } from './vpc';

/**
 * A persistent named volume on ECS: an encrypted, retained EFS file system with an access point for its root,
 * mounted into tasks over TLS with IAM authorization. The file system admits each workload that mounts it on the
 * NFS port, and the workload's task role may mount it (and write, unless every mount is read-only).
 */

export interface VolumeResources {
  readonly fileSystem: efs.FileSystem;
  readonly accessPoint: efs.AccessPoint;
}

/**
 * One file system per persistent volume. EFS grows with its content: a requested size is reported as unused. A
 * volume with a host path is a file system as any other, with a note that its data is there, not in the folder.
 */
export function buildVolumes(stack: Stack, vpc: ec2.IVpc, spec: SystemSpec, d: EcsReporter): Map<string, VolumeResources> {
  const out = new Map<string, VolumeResources>();
  for (const v of spec.volumes) {
    const fileSystem = new efs.FileSystem(stack, `Volume-${v.name}`, {
      vpc,
      vpcSubnets: sharedSubnets(spec),
      encrypted: true,
      removalPolicy: RemovalPolicy.RETAIN,
      performanceMode: efs.PerformanceMode.GENERAL_PURPOSE,
      throughputMode: efs.ThroughputMode.ELASTIC,
    });
    const accessPoint = fileSystem.addAccessPoint('AccessPoint', {
      path: `/${v.name}`,
      createAcl: { ownerUid: '0', ownerGid: '0', permissions: '755' },
    });
    const extra = v.storageClass !== undefined ? ` and storage class ${JSON.stringify(v.storageClass)}` : '';
    d.report('ecs/volume-size', `${v.path} size`, `EFS grows with its content: the requested ${v.sizeBytes} bytes${extra} are not used`);
    const onHost = hostPathVolumeText(spec, v, `an EFS file system (its access point's folder /${v.name})`, () => `with AWS DataSync, or from an instance that mounts the file system, into /${v.name}`);
    if (onHost) d.report('ecs/project-folder-efs', `${v.path} hostPath`, ...onHost);
    out.set(v.name, { fileSystem, accessPoint });
  }
  return out;
}

/** The task volume and mount point of one volume mount. */
export function volumeMount(mount: VolumeMountSpec, resources: VolumeResources): { volume: ecs.CfnTaskDefinition.VolumeProperty; mountPoint: ecs.CfnTaskDefinition.MountPointProperty } {
  const name = `volume-${mount.volume}`;
  return {
    volume: {
      name,
      efsVolumeConfiguration: {
        filesystemId: resources.fileSystem.fileSystemId,
        transitEncryption: 'ENABLED',
        authorizationConfig: { accessPointId: resources.accessPoint.accessPointId, iam: 'ENABLED' },
      },
    },
    mountPoint: { sourceVolume: name, containerPath: mount.target, readOnly: mount.readOnly },
  };
}

/**
 * The file system admits a workload on the NFS port. Across stacks both rules go to the workload's stack, which
 * depends on the shared one: the file system's ingress from the workload (aws-cdk-lib would put it beside the file
 * system's group, a cycle), and the workload's own egress to the file system, which a workload that may not reach
 * everything (internal networks only) needs.
 */
function admit(fileSystem: efs.FileSystem, identity: ec2.IConnectable, description: string): void {
  const groups = identity.connections.securityGroups;
  const own = fileSystem.connections.securityGroups;
  if (groups.length !== 1 || own.length !== 1 || Stack.of(groups[0]) === Stack.of(own[0])) {
    fileSystem.connections.allowDefaultPortFrom(identity, description);
    return;
  }
  own[0].addIngressRule(groups[0], fileSystem.connections.defaultPort!, description, true);
  groups[0].addEgressRule(own[0], fileSystem.connections.defaultPort!, description);
}

/**
 * Lets a task reach the volumes it mounts: network access for `identity` (the workload's security group, or the
 * container instances on EC2) and IAM access for its task role. `writes` maps each volume to whether some mount of
 * it is writable.
 */
export function grantVolumes(taskRole: TaskRole, identity: ec2.IConnectable, workloadName: string, writes: ReadonlyMap<string, boolean>, volumes: ReadonlyMap<string, VolumeResources>): void {
  for (const [volume, write] of [...writes.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const { fileSystem } = volumes.get(volume)!;
    admit(fileSystem, identity, `${workloadName} mounts ${volume}`);
    // the ARN is built from the file system id (Ref) rather than read with GetAtt
    const arn = Stack.of(taskRole.construct).formatArn({ service: 'elasticfilesystem', resource: 'file-system', resourceName: fileSystem.fileSystemId });
    taskRole.allow({ actions: ['elasticfilesystem:ClientMount', ...(write ? ['elasticfilesystem:ClientWrite', 'elasticfilesystem:ClientRootAccess'] : [])], resources: [arn] });
  }
}
