import type { WorkloadSpec } from '../../model/spec';
import { propPath } from '../docker-engine/prop-path';
import type { DockerScope } from './scope';

/**
 * Service labels (Compose `deploy.labels`) belong to a service object, which `docker run` does not create: they are
 * set nowhere, and what reads them (a Traefik or a monitoring stack watching Swarm services) does not see them.
 */
export function reportServiceLabels(scope: DockerScope, workload: WorkloadSpec): void {
  const keys = Object.keys(workload.serviceLabels ?? {});
  if (keys.length === 0) return;
  scope.reporter.report(
    'docker/service-labels',
    propPath(workload.path, 'serviceLabels'),
    `docker run creates a container, not a service: the service labels of ${workload.name} (${keys.join(', ')}) are set nowhere, and a tool that reads labels sees none of them.`,
    `Move them to labels to have them on the container (docker run --label), or run ${workload.name} on Compose, Swarm, Kubernetes or ECS.`,
  );
}
