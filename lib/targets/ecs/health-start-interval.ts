import type { ContainerSpec } from '../../model/spec';
import type { EcsReporter } from './codes';

/**
 * A command health check's start interval, which an ECS container health check cannot set (an http or tcp check has
 * no container health check at all: health-checks.ts says so).
 */
export function reportHealthStartInterval(c: ContainerSpec, d: EcsReporter): void {
  const h = c.health;
  if (h?.kind !== 'command' || h.startIntervalSeconds === undefined) return;
  d.report(
    'ecs/health-start-interval',
    `${c.path} health.startInterval`,
    `an ECS container health check has no start interval: ${c.name} is not checked every ${h.startIntervalSeconds}s during its start period, so it may be found healthy later`,
    'Shorten the interval (ECS accepts 5s or more) if it must be found healthy sooner.',
  );
}
