import { ApiObject } from 'cdk8s';
import type { ContainerSpec, ServiceSpec } from '../../model/spec';
import type { ChartContext } from './context';
import { isObject, type JsonObject } from './overrides';

/** What each autoscale signal is measured against, and how a container asks for it. */
const SIGNALS = [
  { key: 'cpuPercent', resource: 'cpu', what: 'a CPU request', has: (c: ContainerSpec) => c.resources.cpuShares !== undefined || c.resources.cpuMillis !== undefined, set: "cpuShares: 256 or cpus: 0.5" },
  { key: 'memoryPercent', resource: 'memory', what: 'a memory request', has: (c: ContainerSpec) => c.resources.memoryReservationBytes !== undefined || c.resources.memoryBytes !== undefined, set: "memoryReservation: '256m' or memory: '512m'" },
] as const;

/**
 * A HorizontalPodAutoscaler (autoscaling/v2) for a service that autoscales: from `min` to `max` replicas of its
 * Deployment, on the average use of CPU and memory in percent of the pods' requests. A percentage needs a request
 * on every container of the pod (the cluster cannot compute it otherwise): a located error when one is missing.
 */
export function renderAutoscaler(ctx: ChartContext, s: ServiceSpec): void {
  const a = s.autoscale;
  if (!a) return;
  let complete = true;
  for (const signal of SIGNALS) {
    if (a[signal.key] === undefined) continue;
    for (const c of [s.main, ...s.sidecars]) {
      if (signal.has(c)) continue;
      complete = false;
      ctx.reporter.report(
        'kubernetes/autoscale-requests',
        `${c.path} resources`,
        `autoscale.${signal.key} is measured against ${signal.what}, which ${c.name} does not make (got no ${signal.resource} reservation or limit)`,
        `Set resources: { ${signal.set} } on ${c.name}, or leave ${signal.key} out of autoscale.`,
      );
    }
  }
  if (!complete || !ctx.names.take('HorizontalPodAutoscaler', s.name, `${s.path} autoscale`, 253)) return;
  const metrics = SIGNALS.filter((signal) => a[signal.key] !== undefined).map((signal) => ({
    type: 'Resource',
    resource: { name: signal.resource, target: { type: 'Utilization', averageUtilization: a[signal.key] } },
  }));
  new ApiObject(ctx.chart, `autoscaler-${s.name}`, {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: s.name },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: s.name },
      minReplicas: a.min,
      maxReplicas: a.max,
      metrics,
    },
  });
}

/** A Deployment an autoscaler scales leaves `replicas` out, so that `kubectl apply` does not reset what it chose. */
export function applyAutoscale(json: JsonObject, s: ServiceSpec): void {
  if (s.autoscale && isObject(json.spec)) delete json.spec.replicas;
}
