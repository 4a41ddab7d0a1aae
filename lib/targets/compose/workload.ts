import { deviceText } from '../../model/devices';
import type { WorkloadSpec } from '../../model/spec';
import { autoscaleFinding } from '../docker-engine/autoscale';
import { oneHostPlacementFinding } from '../docker-engine/placement';
import { propPath } from '../docker-engine/prop-path';
import { platformText, runtimeKeys } from '../docker-engine/runtime';
import { routeFindings } from '../docker-engine/routes';
import { containerKeys } from './container';
import { dependsOnKey } from './depends-on';
import { deployKeys } from './deploy';
import { compact, type ComposeMap } from './document';
import { networkKeys } from './networks';
import { portKeys } from './ports';
import type { ComposeScope } from './scope';

/** The main service of a workload: a long-running service, or a job that runs once with `restart: "no"` or `on-failure`. */
export function mainService(scope: ComposeScope, workload: WorkloadSpec): ComposeMap {
  if (workload.kind === 'job' && workload.schedule !== undefined) {
    scope.reporter.report(
      'compose/job-schedule',
      propPath(workload.path, 'schedule'),
      `Compose cannot schedule a job: ${workload.name} runs once on \`docker compose up\`, not on "${workload.schedule}".`,
      `Run \`docker compose run --rm ${workload.name}\` from the host's cron on that schedule.`,
    );
  }
  const scaling = autoscaleFinding(workload, 'Compose', `docker compose up -d --scale ${workload.name}=N`);
  if (scaling) scope.reporter.report('compose/autoscale', scaling.path, ...scaling.text);
  for (const f of routeFindings(workload, 'Compose')) scope.reporter.report('compose/route', f.path, ...f.text);
  const placement = oneHostPlacementFinding(workload, '`docker compose up`', ' (it stays under deploy.placement for `docker stack deploy`)');
  if (placement) scope.reporter.report('compose/placement', placement.path, ...placement.text);
  return compact({
    ...containerKeys(scope, workload.main),
    container_name: workload.containerName,
    ...runtimeKeys(workload),
    devices: workload.devices?.map(deviceText),
    pid: workload.hostPid ? 'host' : undefined,
    platform: platformText(workload),
    ...portKeys(scope, workload),
    ...networkKeys(scope, workload),
    ...deployKeys(workload, workload.main),
    depends_on: dependsOnKey(workload),
  });
}
