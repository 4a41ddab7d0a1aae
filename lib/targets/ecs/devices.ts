import { deviceText } from '../../model/devices';
import type { WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import type { LinuxParameters } from './linux-parameters';

const PERMISSIONS: Record<string, string> = { r: 'read', w: 'write', m: 'mknod' };

/** The main container's devices, in its linuxParameters on EC2; Fargate gives a task no host device. */
export function addDevices(w: WorkloadSpec, fargate: boolean, d: EcsReporter, parameters: () => LinuxParameters): void {
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
  parameters().devices.push(...w.devices.map((x) => ({ hostPath: x.hostPath, containerPath: x.containerPath, permissions: [...x.permissions].map((p) => PERMISSIONS[p]) })));
}
