import type { ContainerSpec } from '../../model/spec';
import { healthcheckValue } from '../docker-engine/healthcheck';
import { compact, type StackMap } from './document';
import { reportHealthStartInterval } from './health-start-interval';
import type { SwarmScope } from './scope';

/**
 * `healthcheck`: exec form as `CMD`, shell form as `CMD-SHELL`, with every timing written out but the start
 * interval, which the stack loader refuses (health-start-interval.ts says so). Swarm replaces a
 * task that turns unhealthy, and routes to a task only once it is healthy.
 */
export function healthcheckKey(scope: SwarmScope, container: ContainerSpec): StackMap | undefined {
  reportHealthStartInterval(scope, container);
  const value = healthcheckValue(container, (path, text) => scope.reporter.report('swarm/health-probe-tool', path, ...text));
  return value && compact({ ...value, start_interval: undefined });
}
