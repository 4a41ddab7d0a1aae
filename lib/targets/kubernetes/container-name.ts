import type { WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';

const DNS_1035 = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * A fixed container name, which a pod cannot have (a Deployment names its pods): the name other workloads use
 * to reach it becomes a second ClusterIP Service of the same pods. Undefined when no such Service is made.
 */
export function aliasServiceName(w: WorkloadSpec, reporter: KubernetesReporter): string | undefined {
  const name = w.containerName;
  if (name === undefined || name === w.name) return undefined;
  const path = `${w.path} containerName`;
  if (!DNS_1035.test(name)) {
    reporter.report(
      'kubernetes/container-name',
      path,
      `${name} is not a DNS label, so no Service can carry it: other pods reach ${w.name} only as ${w.name}`,
      `Name the container with lowercase letters, digits and '-' (e.g. ${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}), or reach it as ${w.name}.`,
    );
    return undefined;
  }
  if (w.main.ports.length === 0) return undefined;
  reporter.report(
    'kubernetes/container-alias',
    path,
    `a Deployment names its pods itself: ${name} is a second Service of ${w.name}'s pods, so other pods still reach it by that name`,
    `Find its pod with \`kubectl get pods -l app.kubernetes.io/name=${w.name}\`.`,
  );
  return name;
}
