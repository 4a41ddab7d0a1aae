import type { WorkloadSpec } from '../../model/spec';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';

/** The host's process namespace, which a Swarm service cannot share: `docker stack deploy` has no `pid`. */
export function reportHostPid(scope: SwarmScope, workload: WorkloadSpec): void {
  if (!workload.hostPid) return;
  scope.reporter.report(
    'swarm/host-pid',
    propPath(workload.path, 'hostPid'),
    `a Swarm service cannot share the host's process namespace: ${workload.name} sees only its own processes.`,
    'Run it with `docker run --pid host` (or `docker compose up`) on each node, outside the stack.',
  );
}
