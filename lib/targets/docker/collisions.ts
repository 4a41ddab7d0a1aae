import { propPath } from '../docker-engine/prop-path';
import { containerName, replicaNumbers, sidecarName } from './names';
import type { DockerScope } from './scope';

/**
 * Reports two containers that would have the same name: a replica `web-2` and a service `web-2`, or a sidecar
 * `web-log` and a service `web-log`. `docker run` would replace the first with the second.
 */
export function checkContainerNames(scope: DockerScope): void {
  const owners = new Map<string, string>();
  for (const workload of [...scope.spec.services, ...scope.spec.jobs]) {
    for (const replica of replicaNumbers(workload)) {
      const names: [string, string][] = [
        [containerName(scope.spec, workload, replica), workload.path],
        ...workload.sidecars.map((s): [string, string] => [sidecarName(scope.spec, workload, s, replica), s.path]),
      ];
      for (const [name, path] of names) {
        const other = owners.get(name);
        if (other === undefined) {
          owners.set(name, path);
          continue;
        }
        scope.reporter.report(
          'docker/container-name-collision',
          propPath(path, 'name'),
          `the container ${name} of ${path} would have the name of a container of ${other}.`,
          'Rename the service, the job or the sidecar.',
        );
      }
    }
  }
}
