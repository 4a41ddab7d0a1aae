import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { extraNames } from '../../model/aliases';
import { networksWithAliases } from '../docker-engine/networks';
import { propPath } from '../docker-engine/prop-path';
import { placementKey, platformConstraints } from '../docker-engine/placement';
import { runtimeKeys } from '../docker-engine/runtime';
import type { StackMap } from './document';
import { networksKey } from './networks';
import type { SwarmScope } from './scope';

/**
 * `hostname`, `dns`, `dns_search`, `stop_signal`, `stop_grace_period` and the others, which a stack file keeps as
 * Compose writes them; not `dns_opt`, which the stack loader refuses (dns-options.ts says so).
 */
export function swarmRuntimeKeys(workload: WorkloadSpec): StackMap {
  return { ...runtimeKeys(workload), dns_opt: undefined };
}

/**
 * `networks` of the main service: its aliases, and a fixed container name, are network aliases on each of its
 * networks, since Swarm names a task itself (`<stack>_<service>.1.<id>`), so other services still reach it by
 * those names.
 */
export function aliasedNetworksKey(scope: SwarmScope, spec: SystemSpec, workload: WorkloadSpec): string[] | StackMap {
  const networks = networksKey(spec, workload);
  if (workload.hostNetwork) return networks;
  const name = workload.containerName;
  if (name !== undefined) reportContainerName(scope, spec, workload, name);
  return networksWithAliases(networks, extraNames(workload));
}

function reportContainerName(scope: SwarmScope, spec: SystemSpec, workload: WorkloadSpec, name: string): void {
  scope.reporter.report(
    'swarm/container-name',
    propPath(workload.path, 'containerName'),
    `Swarm names the task of ${workload.name} itself: ${name} is a network alias, so other services still reach it by that name, but \`docker ps\` shows the task's name.`,
    `Find its container with \`docker ps --filter name=${spec.name}_${workload.name}\`.`,
  );
}

/** `deploy.placement`: the platform's rules and the workload's placement. */
export function withPlacement(deploy: StackMap, workload: WorkloadSpec): StackMap {
  const placement = placementKey(workload, platformConstraints(workload));
  return placement ? { ...deploy, placement } : deploy;
}
