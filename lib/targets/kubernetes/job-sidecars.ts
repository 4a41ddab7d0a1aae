import type { JobSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';

/**
 * A Job completes when every container of its pod has exited, and Kubernetes 1.27 has no sidecar that it stops for
 * the Job: a sidecar that keeps running keeps the Job from completing. Docker and ECS stop with the main container.
 */
export function reportJobSidecars(j: JobSpec, reporter: KubernetesReporter): void {
  for (const s of j.sidecars) {
    reporter.report(
      'kubernetes/job-sidecar',
      s.path,
      `a Job completes only when every container of its pod has exited: if ${s.name} keeps running after ${j.name} ends, the Job never completes and its pod keeps running`,
      `Make ${s.name} exit when ${j.name} does (for instance when a file ${j.name} writes last appears on a shared Mount.ephemeral), or run it as a Service of its own.`,
    );
  }
}
