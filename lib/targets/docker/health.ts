import type { ContainerSpec, HealthCheckSpec } from '../../model/spec';
import { duration } from './quantities';
import { propPath, type DockerScope } from './scope';
import { quote, type Word } from './shell';

/** The probe a shell runs for an http check: curl, or wget where curl is missing. */
export function httpProbe(port: number, path: string): string {
  const url = quote(`http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`);
  return `curl -fsS -o /dev/null ${url} || wget -q -O /dev/null ${url} || exit 1`;
}

/** The probe a shell runs for a tcp check: nc, or bash's /dev/tcp where nc is missing. */
export function tcpProbe(port: number): string {
  return `nc -z 127.0.0.1 ${port} || bash -c '</dev/tcp/127.0.0.1/${port}' || exit 1`;
}

/** The shell text `--health-cmd` runs (Docker runs it with `/bin/sh -c`). */
function healthCommand(scope: DockerScope, path: string, health: HealthCheckSpec): string {
  switch (health.kind) {
    case 'command':
      if (health.shell) return health.command[0];
      scope.report(
        'docker/health-shell',
        path,
        `--health-cmd runs through /bin/sh in the container: the check ${JSON.stringify(health.command)} needs a shell in the image.`,
        'Use an image with /bin/sh, or a target that runs exec-form checks (Compose, Kubernetes, ECS).',
      );
      return health.command.map(quote).join(' ');
    case 'http':
      scope.report(
        'docker/health-probe-tool',
        path,
        `docker has no http health check: it runs \`${httpProbe(health.port, health.path)}\` in the container, so the image must contain curl or wget.`,
        'Use HealthCheck.command with a tool the image has.',
      );
      return httpProbe(health.port, health.path);
    case 'tcp':
      scope.report(
        'docker/health-probe-tool',
        path,
        `docker has no tcp health check: it runs \`${tcpProbe(health.port)}\` in the container, so the image must contain nc or bash.`,
        'Use HealthCheck.command with a tool the image has.',
      );
      return tcpProbe(health.port);
  }
}

/** `--health-cmd` and every timing, written out. */
export function healthFlags(scope: DockerScope, container: ContainerSpec): Word[][] {
  const health = container.health;
  if (!health) return [];
  return [
    ['--health-cmd', healthCommand(scope, propPath(container.path, 'health'), health)],
    ['--health-interval', duration(health.intervalSeconds)],
    ['--health-timeout', duration(health.timeoutSeconds)],
    ['--health-retries', String(health.retries)],
    ['--health-start-period', duration(health.startPeriodSeconds)],
  ];
}
