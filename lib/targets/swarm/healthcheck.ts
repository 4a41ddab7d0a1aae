import type { ContainerSpec } from '../../model/spec';
import { healthcheckValue } from '../docker-engine/healthcheck';
import type { StackMap } from './document';
import type { SwarmScope } from './scope';

/**
 * `healthcheck`: exec form as `CMD`, shell form as `CMD-SHELL`, with every timing written out. Swarm replaces a
 * task that turns unhealthy, and routes to a task only once it is healthy.
 */
export function healthcheckKey(scope: SwarmScope, container: ContainerSpec): StackMap | undefined {
  return healthcheckValue(container, (path, text) => scope.reporter.report('swarm/health-probe-tool', path, ...text));
}
