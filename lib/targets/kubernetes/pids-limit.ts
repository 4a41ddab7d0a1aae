import type { ContainerSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';

/**
 * A container's process limit, which a pod spec cannot set: the kubelet limits the processes of every pod on a node
 * alike (`podPidsLimit`), so the container runs with the node's limit.
 */
export function reportPidsLimit(c: ContainerSpec, reporter: KubernetesReporter): void {
  const limit = c.resources.pidsLimit;
  if (limit === undefined) return;
  reporter.report(
    'kubernetes/pids-limit',
    `${c.path} resources.pids`,
    `a pod spec sets no process limit: ${c.name} may run as many processes as the node's kubelet allows every pod (podPidsLimit), not ${limit}`,
    'Set podPidsLimit in the kubelet configuration of the nodes that run it: it limits every pod there.',
  );
}
