import type { WorkloadSpec } from '../../model/spec';
import { hostNetworkText, networksWithAliases } from '../docker-engine/networks';
import { propPath } from '../docker-engine/prop-path';
import type { ComposeMap } from './document';
import type { ComposeScope } from './scope';

/**
 * The top-level `networks`: every network a workload joins, `internal` kept, and its Docker name as `name:`. The
 * system's implicit network is the one named `default`, which Compose also gives to services that name none.
 */
export function topLevelNetworks(scope: ComposeScope): ComposeMap | undefined {
  if (scope.spec.networks.length === 0) return undefined;
  const out: ComposeMap = {};
  for (const network of scope.spec.networks) {
    out[network.name] = { ...(network.internal ? { internal: true } : {}), ...(network.dockerName !== undefined ? { name: network.dockerName } : {}) };
  }
  return out;
}

/**
 * `networks` of a workload's main service, each with the workload's aliases (its `container_name` resolves on them
 * already), or `network_mode: host` for host networking.
 */
export function networkKeys(scope: ComposeScope, workload: WorkloadSpec): ComposeMap {
  if (workload.hostNetwork) {
    scope.reporter.report('compose/host-network', propPath(workload.path, 'hostNetwork'), ...hostNetworkText(workload));
    return { network_mode: 'host' };
  }
  return { networks: networksWithAliases(workload.networks, workload.aliases ?? []) };
}
