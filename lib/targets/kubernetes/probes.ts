import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { HealthCheckSpec } from '../../model/spec';

export interface Probes {
  readonly readiness: kplus.Probe;
  readonly liveness: kplus.Probe;
  /** Only when the health check has a start period. */
  readonly startup?: kplus.Probe;
}

/**
 * A Docker health check as readiness and liveness probes with its interval, timeout and retries. The start
 * period becomes a startup probe that allows the start period plus the usual retries before giving up,
 * as Docker counts failures only once the start period is over.
 */
export function probesOf(health: HealthCheckSpec): Probes {
  const timing = {
    periodSeconds: Duration.seconds(health.intervalSeconds),
    timeoutSeconds: Duration.seconds(health.timeoutSeconds),
  };
  const make = (failureThreshold: number) => probe(health, { ...timing, failureThreshold });
  const startupFailures = Math.ceil(health.startPeriodSeconds / health.intervalSeconds) + health.retries;
  return {
    readiness: make(health.retries),
    liveness: make(health.retries),
    ...(health.startPeriodSeconds > 0 ? { startup: make(startupFailures) } : {}),
  };
}

function probe(health: HealthCheckSpec, options: kplus.ProbeOptions): kplus.Probe {
  switch (health.kind) {
    case 'command':
      return kplus.Probe.fromCommand(health.shell ? ['/bin/sh', '-c', health.command[0]] : [...health.command], options);
    case 'http':
      return kplus.Probe.fromHttpGet(health.path, { ...options, port: health.port });
    case 'tcp':
      return kplus.Probe.fromTcpSocket({ ...options, port: health.port });
  }
}
