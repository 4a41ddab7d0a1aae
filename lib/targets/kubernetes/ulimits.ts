import type { WorkloadSpec } from '../../model/spec';
import { ulimitText } from '../docker-engine/ulimits';
import type { KubernetesReporter } from './context';

/** Resource limits, which a pod cannot set: the container runtime of the node gives its own (containerd: nofile 1048576). */
export function reportUlimits(w: WorkloadSpec, reporter: KubernetesReporter): void {
  if (!w.ulimits) return;
  const asked = Object.entries(w.ulimits).map(([name, limit]) => `${name}=${ulimitText(limit)}`).join(', ');
  reporter.report(
    'kubernetes/ulimits',
    `${w.path} ulimits`,
    `a pod sets no resource limits: ${w.name} runs with the node's container runtime defaults, not ${asked}`,
    "Set the limits in the container runtime of the nodes (containerd's base runtime spec), or raise the soft limit in the image's entrypoint (ulimit -n) up to the node's hard limit.",
  );
}
