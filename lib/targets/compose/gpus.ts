import type { GpuSpec } from '../../model/spec';
import { compact, type ComposeMap } from './document';

/**
 * GPUs as a device reservation of the NVIDIA driver, as `docker compose up` reads them
 * (`deploy.resources.reservations.devices`): a count (or all) or the GPUs by id, and `gpu` with any other capability.
 */
export function gpuReservations(g: GpuSpec | undefined): ComposeMap[] | undefined {
  if (!g) return undefined;
  return [compact({ capabilities: ['gpu', ...g.capabilities], count: g.count, device_ids: g.deviceIds ? [...g.deviceIds] : undefined, driver: 'nvidia' })];
}
