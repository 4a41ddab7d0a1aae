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
 * as Docker counts failures only once the start period is over. The startup probe checks at the start interval
 * where one is set, as Docker does during the start period, and then allows as many checks as fit in the same
 * time; else at the interval.
 */
export function probesOf(health: HealthCheckSpec): Probes {
  const timing = {
    periodSeconds: Duration.seconds(health.intervalSeconds),
    timeoutSeconds: Duration.seconds(health.timeoutSeconds),
  };
  const make = (failureThreshold: number) => probe(health, { ...timing, failureThreshold });
  return {
    readiness: make(health.retries),
    liveness: make(health.retries),
    ...(health.startPeriodSeconds > 0 ? { startup: startupProbe(health, timing.timeoutSeconds) } : {}),
  };
}

/** The startup probe: at the start interval, or the interval, for the start period and then `retries` intervals. */
function startupProbe(health: HealthCheckSpec, timeoutSeconds: Duration): kplus.Probe {
  const start = health.startIntervalSeconds;
  const failureThreshold =
    start === undefined
      ? Math.ceil(health.startPeriodSeconds / health.intervalSeconds) + health.retries
      : Math.ceil((health.startPeriodSeconds + health.retries * health.intervalSeconds) / start);
  return probe(health, { periodSeconds: Duration.seconds(start ?? health.intervalSeconds), timeoutSeconds, failureThreshold });
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
