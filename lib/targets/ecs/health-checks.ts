import { Duration } from 'aws-cdk-lib';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { ContainerSpec, HealthCheckSpec, WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import type { PublishedPort } from './ports';

/**
 * Health checks on ECS: a command check is the container's health check; an http check of a port published on the
 * application load balancer is its target group's check. ECS accepts 1-10 retries: more are clamped to 10.
 */

/** Moves a value into [min, max] and says so when it had to. */
function clamp(value: number, min: number, max: number, note: (v: number) => void): number {
  const v = Math.min(max, Math.max(min, value));
  if (v !== value) note(v);
  return v;
}

/** True when a load balancer checks the workload's http or tcp health check through a published port. */
export function checkedByTargetGroup(w: WorkloadSpec, published: readonly PublishedPort[]): boolean {
  const h = w.main.health;
  return h !== undefined && h.kind !== 'command' && published.some((p) => p.service.name === w.name && p.port.containerPort === h.port && (h.kind === 'tcp' || p.kind === 'alb'));
}

/** ECS container health check for a command check; http and tcp checks have none (a diagnostic says why). */
export function containerHealthCheck(c: ContainerSpec, h: HealthCheckSpec | undefined, d: EcsReporter, byTargetGroup: boolean): ecs.CfnTaskDefinition.HealthCheckProperty | undefined {
  if (!h) return undefined;
  const where = `${c.path} health`;
  if (h.kind !== 'command') {
    const what = h.kind === 'http' ? `http check of ${h.path} on port ${h.port}` : `tcp check of port ${h.port}`;
    const instead = byTargetGroup ? 'the target group of its published port runs it instead' : 'nothing checks it';
    d.report('ecs/health-check-unsupported', where, `ECS container health checks run a command, so the ${what} has no container health check: ${instead}`, 'Use HealthCheck.command with a tool the image has (curl, wget, nc) to keep a container check.');
    return undefined;
  }
  const note = (prop: string, from: number, lo: number, hi: number) => (v: number) =>
    d.report('ecs/health-check-clamped', where, `ECS accepts a health-check ${prop} of ${lo}-${hi} (got ${from}): using ${v}`);
  const interval = clamp(h.intervalSeconds, 5, 300, note('interval', h.intervalSeconds, 5, 300));
  let timeout = clamp(h.timeoutSeconds, 2, 60, note('timeout', h.timeoutSeconds, 2, 60));
  if (timeout >= interval) {
    // Docker lets a check run longer than its interval; ECS wants the timeout shorter than the interval.
    d.report('ecs/health-check-clamped', where, `ECS needs a health-check timeout shorter than its interval (got timeout ${timeout}s, interval ${interval}s): using ${interval - 1}s`);
    timeout = interval - 1;
  }
  return {
    command: h.shell ? ['CMD-SHELL', h.command[0]] : ['CMD', ...h.command],
    interval,
    timeout,
    retries: clamp(h.retries, 1, 10, note('retries', h.retries, 1, 10)),
    startPeriod: clamp(h.startPeriodSeconds, 0, 300, note('start period', h.startPeriodSeconds, 0, 300)),
  };
}

/** The target group's health check: the service's http check when it checks this port, else `GET /`. */
export function targetGroupHealthCheck(p: PublishedPort, d: EcsReporter): elbv2.HealthCheck {
  const h = p.service.main.health;
  if (!h || h.kind !== 'http' || h.port !== p.port.containerPort) return { path: '/', port: 'traffic-port' };
  const where = `${p.service.path} health`;
  const note = (prop: string, from: number, lo: number, hi: number) => (v: number) =>
    d.report('ecs/health-check-clamped', where, `the target group accepts a health-check ${prop} of ${lo}-${hi} (got ${from}): using ${v}`);
  const interval = clamp(h.intervalSeconds, 5, 300, note('interval', h.intervalSeconds, 5, 300));
  const timeout = clamp(h.timeoutSeconds, 2, Math.min(120, interval - 1), note('timeout', h.timeoutSeconds, 2, Math.min(120, interval - 1)));
  return {
    path: h.path,
    port: 'traffic-port',
    interval: Duration.seconds(interval),
    timeout: Duration.seconds(timeout),
    healthyThresholdCount: 2,
    unhealthyThresholdCount: clamp(h.retries, 2, 10, note('retries', h.retries, 2, 10)),
  };
}
