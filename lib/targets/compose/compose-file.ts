import type { SystemSpec } from '../../model/spec';
import { compact, type ComposeMap } from './document';
import { topLevelNetworks } from './networks';
import { topLevelSecrets } from './secrets';
import type { ComposeScope } from './scope';
import { topLevelVolumes } from './volumes';
import { workloadServices } from './workload';

/** The whole compose file of a system as a plain tree: `name`, `services`, `networks`, `volumes`, `secrets`. */
export function composeFile(scope: ComposeScope): ComposeMap {
  const spec: SystemSpec = scope.spec;
  const workloads = [...spec.services, ...spec.jobs];
  const taken = new Set(workloads.map((w) => w.name));
  const services: ComposeMap = {};
  for (const workload of workloads) {
    for (const [name, service] of Object.entries(workloadServices(scope, workload, taken))) {
      services[name] = service;
      taken.add(name);
    }
  }
  return compact({
    name: spec.name,
    services,
    networks: topLevelNetworks(scope),
    volumes: topLevelVolumes(scope),
    secrets: topLevelSecrets(scope),
  });
}
