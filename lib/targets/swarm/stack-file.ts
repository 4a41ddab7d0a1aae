import { systemServices } from '../docker-engine/services';
import { compact, type StackMap } from './document';
import { topLevelNetworks } from './networks';
import type { SwarmScope } from './scope';
import { topLevelSecrets } from './secrets';
import { fileSecrets, topLevelConfigs } from './files';
import { sidecarService } from './sidecars';
import { topLevelVolumes } from './volumes';
import { mainService } from './workload';

/**
 * The version written at the top: the last of the Compose file format 3 that `docker stack deploy` reads. Docker
 * clients before 23 refuse a stack file without one; none has a top-level `name` (the stack is named on the
 * command line).
 */
const STACK_FILE_VERSION = '3.9';

/** The whole stack file of a system as a plain tree: `version`, `services`, `networks`, `volumes`, `secrets`. */
export function stackFile(scope: SwarmScope): StackMap {
  const writer = { engine: 'Swarm', main: mainService, sidecar: sidecarService, collision: 'swarm/service-name-collision' } as const;
  const services = systemServices(scope, writer);
  return compact({
    version: STACK_FILE_VERSION,
    networks: topLevelNetworks(scope),
    volumes: topLevelVolumes(scope),
    secrets: withFileSecrets(topLevelSecrets(scope), fileSecrets(scope)),
    configs: topLevelConfigs(scope),
    services,
  });
}

/** The top-level `secrets` of secret env and of secret files, sorted by name. */
function withFileSecrets(fromEnv: StackMap | undefined, fromFiles: StackMap): StackMap | undefined {
  const all: StackMap = { ...fromFiles, ...(fromEnv ?? {}) };
  const keys = Object.keys(all).sort();
  return keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, all[k]])) : undefined;
}
