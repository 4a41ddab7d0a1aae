import type { JobSpec } from '../../model/spec';
import { containerParts } from './container';
import { sidecarName } from './names';
import type { DockerScope } from './scope';
import { quote, type Command } from './shell';
import { sidecarCommand } from './sidecar';

/**
 * A job with sidecars: its container starts detached (`start` are the commands that do so), each sidecar joins
 * its namespace as `docker compose up` joins them, then the script waits for the job, shows its output, removes
 * the job and its sidecars, and goes on only when the job exited 0.
 */
export function jobWithSidecars(scope: DockerScope, job: JobSpec, name: string, start: readonly Command[]): Command[] {
  const sidecars = job.sidecars.map((s) => sidecarCommand(scope, job, s, containerParts(scope, s, job.main), name));
  const names = job.sidecars.map((s) => sidecarName(scope.spec, job, s));
  return [
    ...start.map((c, i) => (i === start.length - 1 ? { ...c, redirect: '>/dev/null' } : c)),
    ...sidecars.map((c) => ({ ...c, redirect: '>/dev/null' })),
    { lines: [[{ shell: `status=$(docker wait ${quote(name)})` }]] },
    { lines: [['docker', 'logs', name]] },
    { lines: [['docker', 'rm', '-f', ...names, name]], redirect: '>/dev/null' },
    { lines: [[{ shell: '[ "$status" -eq 0 ]' }]] },
  ];
}
