import type { WorkloadSpec } from '../../model/spec';
import { propPath } from '../docker-engine/prop-path';
import { containerKeys } from './container';
import { dependsOnKey } from './depends-on';
import { deployKeys } from './deploy';
import { compact, type ComposeMap } from './document';
import { networkKeys } from './networks';
import { portKeys } from './ports';
import type { ComposeScope } from './scope';
import { sidecarService, sidecarServiceName } from './sidecars';

/** The main service of a workload: a long-running service, or a job that runs once with `restart: "no"` or `on-failure`. */
function mainService(scope: ComposeScope, workload: WorkloadSpec): ComposeMap {
  if (workload.kind === 'job' && workload.schedule !== undefined) {
    scope.reporter.report(
      'compose/job-schedule',
      propPath(workload.path, 'schedule'),
      `Compose cannot schedule a job: ${workload.name} runs once on \`docker compose up\`, not on "${workload.schedule}".`,
      `Run \`docker compose run --rm ${workload.name}\` from the host's cron on that schedule.`,
    );
  }
  return compact({
    ...containerKeys(scope, workload.main),
    ...portKeys(scope, workload),
    ...networkKeys(scope, workload),
    ...deployKeys(workload, workload.main),
    depends_on: dependsOnKey(workload),
  });
}

/** Every Compose service of one workload, by name: the main service, then one per sidecar. */
export function workloadServices(scope: ComposeScope, workload: WorkloadSpec, taken: ReadonlySet<string>): Record<string, ComposeMap> {
  const out: Record<string, ComposeMap> = { [workload.name]: mainService(scope, workload) };
  for (const sidecar of workload.sidecars) {
    const name = sidecarServiceName(workload, sidecar);
    if (taken.has(name) || name in out) {
      scope.reporter.report(
        'compose/service-name-collision',
        propPath(sidecar.path, 'name'),
        `sidecar ${sidecar.name} of ${workload.name} would be the Compose service ${name}, which is already the name of another service.`,
        'Rename the sidecar or the other service.',
      );
      continue;
    }
    out[name] = sidecarService(scope, workload, sidecar);
  }
  return out;
}
