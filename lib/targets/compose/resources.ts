import type { GpuSpec, ResourcesSpec } from '../../model/spec';
import { dockerBytes, dockerCpus } from '../docker-engine/quantities';
import { compact, isEmpty, type ComposeMap } from './document';
import { gpuReservations } from './gpus';

/** `cpu_shares` (`--cpu-shares`): a relative weight, a service-level key. */
export function cpuSharesKey(resources: ResourcesSpec): number | undefined {
  return resources.cpuShares;
}

/**
 * `deploy.resources`: limits (`--memory`, `--cpus`) and reservations (`--memory-reservation`, and the main container's
 * `--gpus` as a device reservation), in Docker's notation.
 */
export function deployResources(resources: ResourcesSpec, gpus?: GpuSpec): ComposeMap | undefined {
  const limits = compact({
    cpus: resources.cpuMillis !== undefined ? dockerCpus(resources.cpuMillis) : undefined,
    memory: resources.memoryBytes !== undefined ? dockerBytes(resources.memoryBytes, 'upper') : undefined,
  });
  const reservations = compact({
    memory: resources.memoryReservationBytes !== undefined ? dockerBytes(resources.memoryReservationBytes, 'upper') : undefined,
    devices: gpuReservations(gpus),
  });
  const out = compact({ limits: isEmpty(limits) ? undefined : limits, reservations: isEmpty(reservations) ? undefined : reservations });
  return isEmpty(out) ? undefined : out;
}
