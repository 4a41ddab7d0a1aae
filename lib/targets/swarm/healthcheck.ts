import type { ContainerSpec, HealthCheckSpec } from '../../model/spec';
import type { StackMap } from './document';
import { duration } from './quantities';
import { propPath, type SwarmScope } from './scope';
import { shellQuote } from './shell';

/** The probe a shell runs for an http check: curl, or wget where curl is missing. */
export function httpProbe(port: number, path: string): string {
  const url = shellQuote(`http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`);
  return `curl -fsS -o /dev/null ${url} || wget -q -O /dev/null ${url} || exit 1`;
}

/** The probe a shell runs for a tcp check: nc, or bash's /dev/tcp where nc is missing. */
export function tcpProbe(port: number): string {
  return `nc -z 127.0.0.1 ${port} || bash -c '</dev/tcp/127.0.0.1/${port}' || exit 1`;
}

function testOf(scope: SwarmScope, path: string, health: HealthCheckSpec): string[] {
  switch (health.kind) {
    case 'command':
      return health.shell ? ['CMD-SHELL', health.command[0]] : ['CMD', ...health.command];
    case 'http': {
      const probe = httpProbe(health.port, health.path);
      scope.reporter.report(
        'swarm/health-probe-tool',
        path,
        `Swarm has no http health check: it runs \`${probe}\` in the container, so the image must contain curl or wget.`,
        'Use HealthCheck.command with a tool the image has.',
      );
      return ['CMD-SHELL', probe];
    }
    case 'tcp': {
      const probe = tcpProbe(health.port);
      scope.reporter.report(
        'swarm/health-probe-tool',
        path,
        `Swarm has no tcp health check: it runs \`${probe}\` in the container, so the image must contain nc or bash.`,
        'Use HealthCheck.command with a tool the image has.',
      );
      return ['CMD-SHELL', probe];
    }
  }
}

/**
 * `healthcheck`: exec form as `CMD`, shell form as `CMD-SHELL`, with every timing written out. Swarm replaces a
 * task that turns unhealthy, and routes to a task only once it is healthy.
 */
export function healthcheckKey(scope: SwarmScope, container: ContainerSpec): StackMap | undefined {
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
