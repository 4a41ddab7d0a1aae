import { compact, type StackMap } from './document';
import { topLevelNetworks } from './networks';
import type { SwarmScope } from './scope';
import { topLevelSecrets } from './secrets';
import { topLevelVolumes } from './volumes';
import { workloadServices } from './workload';

/**
 * The version written at the top: the last of the Compose file format 3 that `docker stack deploy` reads. Docker
 * clients before 23 refuse a stack file without one; none has a top-level `name` (the stack is named on the
 * command line).
 */
export const STACK_FILE_VERSION = '3.9';

/** The whole stack file of a system as a plain tree: `version`, `services`, `networks`, `volumes`, `secrets`. */
export function stackFile(scope: SwarmScope): StackMap {
  const spec = scope.spec;
  const workloads = [...spec.services, ...spec.jobs];
  const taken = new Set(workloads.map((w) => w.name));
  const services: StackMap = {};
  for (const workload of workloads) {
    for (const [name, service] of Object.entries(workloadServices(scope, workload, taken))) {
      services[name] = service;
      taken.add(name);
    }
  }
  return compact({
    version: STACK_FILE_VERSION,
    services,
    networks: topLevelNetworks(scope),
    volumes: topLevelVolumes(scope),
    secrets: topLevelSecrets(scope),
  });
}
