import { extraNames } from '../../model/aliases';
import type { WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';

const DNS_1035 = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The extra names of a workload (its fixed container name and its aliases), which a pod cannot have: each becomes
 * one more ClusterIP Service of the workload's pods with all of its ports, so other pods reach it by that name as
 * by its own. The Services select the same pods, so the NetworkPolicies of its networks admit exactly the pods
 * they admit by its own name. A workload without ports has no Service at all: no name reaches it (said once).
 */
export function aliasServiceNames(w: WorkloadSpec, reporter: KubernetesReporter): string[] {
  const names = extraNames(w).filter((name) => name !== w.containerName || containerNameIsLabel(w, name, reporter));
  if (names.length === 0) return [];
  const prop = w.aliases ? 'aliases' : 'containerName';
  if (w.main.ports.length === 0) {
    reporter.report(
      'kubernetes/alias-without-ports',
      `${w.path} ${prop}`,
      `${w.name} declares no ports, so no Service carries ${names.join(', ')}: a pod that looks up ${names.length > 1 ? 'these names' : 'that name'} (or ${w.name}) gets no address`,
      w.kind === 'job' ? `A job takes no ports: run ${w.name} as a Service with the ports it listens on, or drop the names.` : `Declare the ports ${w.name} listens on (e.g. ports: [Port.tcp(8080)]).`,
    );
    return [];
  }
  if (w.containerName !== undefined && names.includes(w.containerName)) {
    reporter.report(
      'kubernetes/container-alias',
      `${w.path} containerName`,
      `a Deployment names its pods itself: ${w.containerName} is a second Service of ${w.name}'s pods, so other pods still reach it by that name`,
      `Find its pod with \`kubectl get pods -l app.kubernetes.io/name=${w.name}\`.`,
    );
  }
  return names;
}

/** A fixed container name that is not a DNS label cannot name a Service. */
function containerNameIsLabel(w: WorkloadSpec, name: string, reporter: KubernetesReporter): boolean {
  if (DNS_1035.test(name)) return true;
  reporter.report(
    'kubernetes/container-name',
    `${w.path} containerName`,
    `${name} is not a DNS label, so no Service can carry it: other pods reach ${w.name} only as ${w.name}`,
    `Name the container with lowercase letters, digits and '-' (e.g. ${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}), or reach it as ${w.name}.`,
  );
  return false;
}
