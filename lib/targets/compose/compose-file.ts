import { systemServices } from '../docker-engine/services';
import { compact, type ComposeMap } from './document';
import { topLevelNetworks } from './networks';
import { topLevelSecrets } from './secrets';
import type { ComposeScope } from './scope';
import { sidecarService } from './sidecars';
import { topLevelVolumes } from './volumes';
import { mainService } from './workload';

/** The whole compose file of a system as a plain tree: `name`, `services`, `networks`, `volumes`, `secrets`. */
export function composeFile(scope: ComposeScope): ComposeMap {
  const writer = { engine: 'Compose', main: mainService, sidecar: sidecarService, collision: 'compose/service-name-collision' } as const;
  return compact({
    name: scope.spec.name,
    services: systemServices(scope, writer),
    networks: topLevelNetworks(scope),
    volumes: topLevelVolumes(scope),
    secrets: topLevelSecrets(scope),
  });
}
