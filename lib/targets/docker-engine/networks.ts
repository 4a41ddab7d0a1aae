import type { WorkloadSpec } from '../../model/spec';
import type { FindingText } from './finding-text';

/** Host networking, kept as asked: the same words under every Docker-engine target. */
export function hostNetworkText(workload: WorkloadSpec): FindingText {
  return [
    `${workload.name} shares the host's network stack: every port it opens is open on the host, and it joins no network.`,
    'Leave host networking off unless the workload needs it; publish ports instead.',
  ];
}

/**
 * A service's `networks`: a plain list, or with extra names a map giving each network the same `aliases` (a
 * Compose or stack file scopes aliases per network; the model's apply on all of the workload's networks).
 */
export function networksWithAliases(networks: readonly string[], aliases: readonly string[]): string[] | Record<string, { aliases: string[] }> {
  if (aliases.length === 0) return [...networks];
  return Object.fromEntries(networks.map((n) => [n, { aliases: [...aliases] }]));
}
