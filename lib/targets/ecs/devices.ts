import * as ecs from 'aws-cdk-lib/aws-ecs';
import { deviceText } from '../../model/devices';
import type { WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';

const PERMISSIONS: Record<string, ecs.DevicePermission> = { r: ecs.DevicePermission.READ, w: ecs.DevicePermission.WRITE, m: ecs.DevicePermission.MKNOD };

/** The main container's devices, in its linuxParameters on EC2; Fargate gives a task no host device. */
export function addDevices(w: WorkloadSpec, fargate: boolean, d: EcsReporter, parameters: () => ecs.LinuxParameters): void {
  if (!w.devices) return;
  if (fargate) {
    d.report(
      'ecs/devices-fargate',
      `${w.path} devices`,
      `Fargate gives a task no host devices: ${w.name} runs without ${w.devices.map(deviceText).join(', ')}`,
      "Set targetOptions.ecs.launchType 'ec2', with container instances that have the devices.",
    );
    return;
  }
  parameters().addDevices(...w.devices.map((x) => ({ hostPath: x.hostPath, containerPath: x.containerPath, permissions: [...x.permissions].map((p) => PERMISSIONS[p]) })));
}
