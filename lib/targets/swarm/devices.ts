import type { WorkloadSpec } from '../../model/spec';
import { deviceText } from '../../model/devices';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';

/** Devices, which a Swarm service cannot be given: `docker stack deploy` has no devices, so the task runs without them. */
export function reportDevices(scope: SwarmScope, workload: WorkloadSpec): void {
  if (!workload.devices) return;
  scope.reporter.report(
    'swarm/devices',
    propPath(workload.path, 'devices'),
    `a Swarm service cannot be given host devices: ${workload.name} runs without ${workload.devices.map(deviceText).join(', ')}.`,
    'Run it with `docker run --device` (or `docker compose up`) on the node that has the device, outside the stack.',
  );
}
