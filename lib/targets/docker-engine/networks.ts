import type { WorkloadSpec } from '../../model/spec';
import type { FindingText } from './finding-text';

/** Host networking, kept as asked: the same words under every Docker-engine target. */
export function hostNetworkText(workload: WorkloadSpec): FindingText {
  return [
    `${workload.name} shares the host's network stack: every port it opens is open on the host, and it joins no network.`,
    'Leave host networking off unless the workload needs it; publish ports instead.',
  ];
}
