import { shellQuote } from '../../docker-notation/health-probes';
import type { ContainerSpec, HealthCheckSpec } from '../../model/spec';
import type { EngineMap } from './document';
import type { FindingText } from './finding-text';
import { probeLine, probeToolText } from './health';
import { propPath } from './prop-path';
import { duration } from './quantities';

/** Reports, under the target's own code, that a probe needs a tool in the image. */
export type ProbeReport = (path: string, text: FindingText) => void;

function testOf(path: string, health: HealthCheckSpec, reportProbe: ProbeReport): string[] {
  if (health.kind === 'command') return health.shell ? ['CMD-SHELL', health.command[0]] : ['CMD', ...health.command];
  const line = probeLine(health, shellQuote);
  reportProbe(path, probeToolText(health, line));
  return ['CMD-SHELL', line];
}

/**
 * A compose or stack file's `healthcheck`: exec form as `CMD`, shell form as `CMD-SHELL`, an http or tcp check as
 * a shell probe, with every timing written out, and the start interval where one is set.
 */
export function healthcheckValue(container: ContainerSpec, reportProbe: ProbeReport): EngineMap | undefined {
  const health = container.health;
  if (!health) return undefined;
  return {
    test: testOf(propPath(container.path, 'health'), health, reportProbe),
    interval: duration(health.intervalSeconds),
    timeout: duration(health.timeoutSeconds),
    retries: health.retries,
    start_period: duration(health.startPeriodSeconds),
    ...(health.startIntervalSeconds !== undefined ? { start_interval: duration(health.startIntervalSeconds) } : {}),
  };
}
