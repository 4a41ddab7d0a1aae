import type { ServiceSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { isObject, type JsonObject } from './overrides';

/**
 * How a Deployment replaces its pods, written into its JSON. A service on a single-writer volume (a ReadWriteOnce
 * claim) is recreated: the old pod releases the claim before the new one starts, so a new pod on another node never
 * waits on a Multi-Attach error. Any other service leaves `strategy` out: the cluster's rolling update.
 */
export function applyRollout(json: JsonObject, s: ServiceSpec): void {
  if (s.rollout === 'recreate' && isObject(json.spec)) json.spec.strategy = { type: 'Recreate' };
}

/**
 * Replicas > 1 of a service on a single-writer volume share one ReadWriteOnce claim: a second pod on another node,
 * or a rollout, waits on a Multi-Attach error. A located error that says how to choose.
 */
export function checkSingleWriterReplicas(s: ServiceSpec, reporter: KubernetesReporter): void {
  const most = s.autoscale?.max ?? s.replicas;
  if (s.rollout !== 'recreate' || (most <= 1 && !s.global)) return;
  const volumes = [...new Set([s.main, ...s.sidecars].flatMap((c) => c.mounts.flatMap((m) => (m.kind === 'volume' ? [m.volume] : []))))].sort();
  if (s.global) {
    reporter.report(
      'kubernetes/single-writer-replicas',
      `${s.path} mode`,
      `a global service runs a pod on every node, and those pods cannot share the single-writer volume ${volumes.join(', ')} (a ReadWriteOnce claim): the pod of a second node waits on a Multi-Attach error`,
      "Use a bind mount of a host path for what each node keeps, or mode: 'replicated'.",
    );
    return;
  }
  reporter.report(
    'kubernetes/single-writer-replicas',
    `${s.path} ${s.autoscale ? 'autoscale.max' : 'replicas'}`,
    `${most} replicas cannot share the single-writer volume ${volumes.join(', ')} (a ReadWriteOnce claim): a pod on a second node, or a rollout, would wait on a Multi-Attach error (got ${most})`,
    'Use replicas: 1 for a service that owns its volume; to scale, keep the state in a service of its own (a database) and run the replicas without the volume, or mount the volume in a second workload too, which makes it ReadWriteMany.',
  );
}
