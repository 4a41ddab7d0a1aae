import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { hostNetworkText } from '../docker-engine/networks';
import { compact, type StackMap } from './document';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';

/** The stack file's key for the swarm's `host` network: `host`, unless a network of the system has that name. */
function hostNetworkKey(spec: SystemSpec): string {
  const taken = new Set(spec.networks.map((n) => n.name));
  let key = 'host';
  for (let i = 2; taken.has(key); i++) key = `host-${i}`;
  return key;
}

/**
 * The top-level `networks`: one overlay network per network of the system, `internal` and its Docker name (`name:`)
 * kept, the implicit one named `default` as in the Compose file. A network that a job joins is `attachable`, so
 * the job can be re-run by hand with `docker run --network <app>_<network>` next to the services. Host networking
 * is Swarm's own `host` network, external.
 */
export function topLevelNetworks(scope: SwarmScope): StackMap | undefined {
  const spec = scope.spec;
  const jobs = new Set(spec.jobs.map((j) => j.name));
  const out: StackMap = {};
  for (const network of spec.networks) {
    out[network.name] = compact({
      driver: 'overlay',
      internal: network.internal ? true : undefined,
      attachable: network.members.some((m) => jobs.has(m)) ? true : undefined,
      name: network.dockerName,
    });
  }
  if ([...spec.services, ...spec.jobs].some((w) => w.hostNetwork)) out[hostNetworkKey(spec)] = { external: true, name: 'host' };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `networks` of a workload's services (the main one and its sidecars'): its own, or the swarm's `host` network. */
export function networksKey(spec: SystemSpec, workload: WorkloadSpec): string[] {
  return workload.hostNetwork ? [hostNetworkKey(spec)] : [...workload.networks];
}

/** Host networking, said once per workload. */
export function reportHostNetwork(scope: SwarmScope, workload: WorkloadSpec): void {
  if (workload.hostNetwork) scope.reporter.report('swarm/host-network', propPath(workload.path, 'hostNetwork'), ...hostNetworkText(workload));
}
