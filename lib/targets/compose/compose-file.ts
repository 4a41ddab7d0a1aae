import { systemServices } from '../docker-engine/services';
import { compact, type ComposeMap } from './document';
import { topLevelNetworks } from './networks';
import { topLevelSecrets } from './secrets';
import { fileSecrets, topLevelConfigs } from './files';
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
    secrets: withFileSecrets(topLevelSecrets(scope), fileSecrets(scope)),
    configs: topLevelConfigs(scope),
  });
}

/** The top-level `secrets` of secret env (files mode) and of secret files, sorted by name. */
function withFileSecrets(fromEnv: ComposeMap | undefined, fromFiles: ComposeMap): ComposeMap | undefined {
  const all: ComposeMap = { ...fromFiles, ...(fromEnv ?? {}) };
  const keys = Object.keys(all).sort();
  return keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, all[k]])) : undefined;
}
