import { deviceText } from '../../model/devices';
import type { WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';

/**
 * Devices, which a pod cannot be given by path: a device plugin offers them as resources (an Intel or NVIDIA GPU, a
 * TUN device), or a privileged pod mounts them from the host. None is written.
 */
export function reportDevices(w: WorkloadSpec, reporter: KubernetesReporter): void {
  if (!w.devices) return;
  reporter.report(
    'kubernetes/device-by-path',
    `${w.path} devices`,
    `a pod cannot be given host devices by path: ${w.name} runs without ${w.devices.map(deviceText).join(', ')}`,
    'Install the device plugin of the device and request its resource (e.g. gpu.intel.com/i915) in an override, or mount it as a hostPath in a privileged pod.',
  );
}
