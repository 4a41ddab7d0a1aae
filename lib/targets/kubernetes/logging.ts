import type { ContainerSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';

/**
 * Log size limits are not part of a Pod: the kubelet rotates every container's logs by the node's settings.
 * Nothing is written; a note says where the limits belong.
 */
export function reportLogging(c: ContainerSpec, reporter: KubernetesReporter): void {
  if (c.logging === undefined) return;
  const fix = 'Set containerLogMaxSize and containerLogMaxFiles in the kubelet configuration, or ship logs with a log agent.';
  reporter.report('kubernetes/logging', `${c.path} logging`, 'log size limits are not part of a Pod: the kubelet rotates container logs by its own settings', fix);
}
