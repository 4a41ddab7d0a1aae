import type { ContainerSpec, HealthCheckSpec } from '../../model/spec';
import { shellQuote } from '../../docker-notation/health-probes';
import { probeLine, probeToolText } from '../docker-engine/health';
import { propPath } from '../docker-engine/prop-path';
import { duration } from '../docker-engine/quantities';
import type { DockerScope } from './scope';
import { quote, type Word } from './shell';

/** The shell text `--health-cmd` runs (Docker runs it with `/bin/sh -c`). */
function healthCommand(scope: DockerScope, path: string, health: HealthCheckSpec): string {
  if (health.kind !== 'command') {
    // the finding quotes the URL as Compose does, which sh reads the same: one fact, in the same words on every engine
    scope.reporter.report('docker/health-probe-tool', path, ...probeToolText(health, probeLine(health, shellQuote)));
    return probeLine(health, quote);
  }
  if (health.shell) return health.command[0];
  scope.reporter.report(
    'docker/health-shell',
    path,
    `--health-cmd runs through /bin/sh in the container: the check ${JSON.stringify(health.command)} needs a shell in the image.`,
    'Use an image with /bin/sh, or a target that runs exec-form checks (Compose, Kubernetes, ECS).',
  );
  return health.command.map(quote).join(' ');
}

/** `--health-cmd` and every timing, written out; `--health-start-interval` (Docker 25 and later) only where one is set. */
export function healthFlags(scope: DockerScope, container: ContainerSpec): Word[][] {
  const health = container.health;
  if (!health) return [];
  return [
    ['--health-cmd', healthCommand(scope, propPath(container.path, 'health'), health)],
    ['--health-interval', duration(health.intervalSeconds)],
    ['--health-timeout', duration(health.timeoutSeconds)],
    ['--health-retries', String(health.retries)],
    ['--health-start-period', duration(health.startPeriodSeconds)],
    ...(health.startIntervalSeconds !== undefined ? [['--health-start-interval', duration(health.startIntervalSeconds)]] : []),
  ];
}
