import type { SidecarSpec, WorkloadSpec } from '../../model/spec';
import { restartFlag } from '../docker-engine/restart';
import type { ContainerParts } from './container';
import { sidecarName } from './names';
import type { DockerScope } from './scope';
import type { Command } from './shell';

/**
 * A sidecar in the namespace of one main container: `--network container:<main>`, `--volumes-from <main>`. A
 * sidecar of a service restarts as the service does; one of a job is not restarted, as it ends with the job.
 */
export function sidecarCommand(scope: DockerScope, workload: WorkloadSpec, sidecar: SidecarSpec, parts: ContainerParts, main: string, replica?: number): Command {
  return {
    assignments: parts.assignments,
    lines: [
      ['docker', 'run', '-d', '--name', sidecarName(scope.spec, workload, sidecar, replica)],
      ['--restart', workload.kind === 'service' ? restartFlag(workload.restart) : 'no'],
      ['--network', `container:${main}`],
      ...(sidecar.volumesFrom ? [['--volumes-from', main]] : []),
      ...parts.flags,
      parts.tail,
    ],
  };
}
