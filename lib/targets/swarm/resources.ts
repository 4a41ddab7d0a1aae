import type { ContainerSpec } from '../../model/spec';
import { compact, nonEmpty, type StackMap } from './document';
import { dockerBytes, dockerCpus } from '../docker-engine/quantities';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';

/**
 * `deploy.resources`: limits (`--memory`, `--cpus`, `--pids-limit` as `pids`) and reservations (`--memory-reservation`,
 * and the main container's GPUs as generic resources), in Docker's notation. Swarm has no relative CPU weight:
 * `--cpu-shares` is said and left out.
 */
export function resourcesKey(scope: SwarmScope, container: ContainerSpec, genericResources?: StackMap[]): StackMap | undefined {
  const resources = container.resources;
  if (resources.cpuShares !== undefined) {
    scope.reporter.report(
      'swarm/cpu-shares',
      propPath(container.path, 'resources.cpuShares'),
      `Swarm has no CPU weight: cpu shares ${resources.cpuShares} are left out, and ${container.name} competes for CPU with the default weight.`,
      'Set resources.cpus for a hard limit, or leave cpuShares unset for Swarm.',
    );
  }
  const limits = nonEmpty(
    compact({
      cpus: resources.cpuMillis !== undefined ? dockerCpus(resources.cpuMillis) : undefined,
      memory: resources.memoryBytes !== undefined ? dockerBytes(resources.memoryBytes, 'upper') : undefined,
      pids: resources.pidsLimit,
    }),
  );
  const reservations = nonEmpty(
    compact({
      memory: resources.memoryReservationBytes !== undefined ? dockerBytes(resources.memoryReservationBytes, 'upper') : undefined,
      generic_resources: genericResources,
    }),
  );
  return nonEmpty(compact({ limits, reservations }));
}
