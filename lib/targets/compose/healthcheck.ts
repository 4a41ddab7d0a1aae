import { shellQuote } from '../../docker-notation/health-probes';
import type { ContainerSpec, HealthCheckSpec } from '../../model/spec';
import { probeLine, probeToolText } from '../docker-engine/health';
import { propPath } from '../docker-engine/prop-path';
import { duration } from '../docker-engine/quantities';
import type { ComposeMap } from './document';
import type { ComposeScope } from './scope';

function testOf(scope: ComposeScope, path: string, health: HealthCheckSpec): string[] {
  if (health.kind === 'command') return health.shell ? ['CMD-SHELL', health.command[0]] : ['CMD', ...health.command];
  const line = probeLine(health, shellQuote);
  scope.reporter.report('compose/health-probe-tool', path, ...probeToolText('Compose', health, line));
  return ['CMD-SHELL', line];
}

/** `healthcheck`: exec form as `CMD`, shell form as `CMD-SHELL`, with every timing written out. */
export function healthcheckKey(scope: ComposeScope, container: ContainerSpec): ComposeMap | undefined {
  const health = container.health;
  if (!health) return undefined;
  return {
    test: testOf(scope, propPath(container.path, 'health'), health),
    interval: duration(health.intervalSeconds),
    timeout: duration(health.timeoutSeconds),
    retries: health.retries,
    start_period: duration(health.startPeriodSeconds),
  };
}
