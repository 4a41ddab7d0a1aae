import type { ContainerSpec } from '../../model/spec';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';

/**
 * A health check's start interval, which a stack file cannot carry: the stack loader refuses `start_interval`,
 * though a service can have one (`docker service update --health-start-interval`).
 */
export function reportHealthStartInterval(scope: SwarmScope, container: ContainerSpec): void {
  const seconds = container.health?.startIntervalSeconds;
  if (seconds === undefined) return;
  scope.reporter.report(
    'swarm/health-start-interval',
    propPath(container.path, 'health.startInterval'),
    `a stack file has no start_interval: during its start period ${container.name} is checked at Docker's default start interval (5s on Docker Engine 25 and later), not every ${seconds}s.`,
    `Run \`docker service update --health-start-interval ${seconds}s\` on its service after each \`docker stack deploy\`.`,
  );
}
