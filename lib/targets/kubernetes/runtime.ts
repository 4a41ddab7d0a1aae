import type { WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { isObject, type JsonObject } from './overrides';

/**
 * What a workload says about how its container runs, in its pod template: the pod's `hostname`, the grace period
 * before SIGKILL (`terminationGracePeriodSeconds`), and the platform as a node selector on `kubernetes.io/os` and
 * `kubernetes.io/arch`.
 */
export function applyRuntime(template: JsonObject, w: WorkloadSpec): void {
  const spec = isObject(template.spec) ? template.spec : undefined;
  if (!spec) return;
  if (w.hostname !== undefined) spec.hostname = w.hostname;
  if (w.stop?.gracePeriodSeconds !== undefined) spec.terminationGracePeriodSeconds = w.stop.gracePeriodSeconds;
  if (w.platform) spec.nodeSelector = { ...(isObject(spec.nodeSelector) ? spec.nodeSelector : {}), 'kubernetes.io/arch': w.platform.architecture, 'kubernetes.io/os': w.platform.os };
}

/** A stop signal, which a pod cannot choose: Kubernetes 1.27 sends SIGTERM (or the image's STOPSIGNAL). */
export function reportStopSignal(w: WorkloadSpec, reporter: KubernetesReporter): void {
  const signal = w.stop?.signal;
  if (signal === undefined) return;
  reporter.report(
    'kubernetes/stop-signal',
    `${w.path} stop.signal`,
    `a pod cannot choose its stop signal: the kubelet sends ${w.name} the image's STOPSIGNAL, SIGTERM unless the Dockerfile says otherwise, not ${signal}`,
    `Write STOPSIGNAL ${signal} in the Dockerfile, which every target honours (or add a preStop hook that sends ${signal} to process 1).`,
  );
}
