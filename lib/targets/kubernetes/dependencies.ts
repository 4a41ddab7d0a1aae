import * as kplus from 'cdk8s-plus-27';
import type { DependencySpec, WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { objectNames } from './names';

/** The image of the wait init containers: small, pinned, with `nc`. */
export const WAIT_IMAGE = 'busybox:1.36.1';

/**
 * Kubernetes has no start order. A dependency that is started or healthy becomes an init container that waits
 * until the dependency's Service accepts connections on its first port: a Service routes only to ready pods, so
 * for a dependency with a health check (a readiness probe) this waits for healthy. A dependency on a Job's
 * completion, or on a workload without a port, cannot be waited for this way: a diagnostic says so.
 */
export function waitContainers(workloads: ReadonlyMap<string, WorkloadSpec>, w: WorkloadSpec, reporter: KubernetesReporter): kplus.ContainerProps[] {
  const out: kplus.ContainerProps[] = [];
  w.dependsOn.forEach((d, i) => {
    const where = `${w.path} dependsOn[${i}]`;
    if (d.condition === 'completed') {
      reporter.report(
        'kubernetes/depends-on-completed',
        where,
        `${w.name} may start before the job ${d.name} has completed: Kubernetes does not order workloads`,
        'Make the workload wait or retry until what the job prepares is there, or run the job before applying the rest.',
      );
      return;
    }
    const port = portOf(workloads, d);
    if (port === undefined) {
      reporter.report(
        'kubernetes/depends-on-no-port',
        where,
        `${w.name} may start before ${d.name} is ${d.condition}: ${d.name} has no TCP port to wait for`,
        `Give ${d.name} a TCP port (and a health check), or make ${w.name} tolerate its absence.`,
      );
      return;
    }
    out.push({
      name: objectNames.waitContainer(d.name),
      image: WAIT_IMAGE,
      command: ['sh', '-c', `until nc -z -w 2 ${d.name} ${port}; do echo waiting for ${d.name}:${port}; sleep 2; done`],
      resources: {},
    });
  });
  return out;
}

function portOf(workloads: ReadonlyMap<string, WorkloadSpec>, d: DependencySpec): number | undefined {
  const port = workloads.get(d.name)?.main.ports.find((p) => p.protocol === 'tcp');
  return port?.containerPort;
}
