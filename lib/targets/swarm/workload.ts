import type { WorkloadSpec } from '../../model/spec';
import { compact, type StackMap } from './document';
import { containerKeys } from './container';
import { reportDependencies } from './dependencies';
import { deployKey } from './deploy';
import { reportHostNetwork } from './networks';
import { portsKey } from './ports';
import { reportRestart } from './restart';
import { aliasedNetworksKey, swarmRuntimeKeys, withPlacement } from './runtime';
import { autoscaleFinding } from '../docker-engine/autoscale';
import { propPath } from '../docker-engine/prop-path';
import { routeFindings } from '../docker-engine/routes';
import type { SwarmScope } from './scope';
import { reportDevices } from './devices';
import { reportGpus } from './gpus';
import { reportHostPid } from './host-pid';
import { reportDnsOptions } from './dns-options';

/** A job's schedule, which Swarm cannot keep: the job runs once, when the stack is deployed. */
function reportSchedule(scope: SwarmScope, workload: WorkloadSpec): void {
  if (workload.kind !== 'job' || workload.schedule === undefined) return;
  scope.reporter.report(
    'swarm/job-schedule',
    propPath(workload.path, 'schedule'),
    `Swarm cannot schedule a job: ${workload.name} runs once when the stack is deployed, not on "${workload.schedule}".`,
    `Run \`docker service update --force ${scope.spec.name}_${workload.name}\` from a manager's cron on that schedule: it runs the job again.`,
  );
}

/** The main service of a workload: a replicated service, or a job that runs to completion (`replicated-job`). */
export function mainService(scope: SwarmScope, workload: WorkloadSpec): StackMap {
  reportSchedule(scope, workload);
  reportRestart(scope, workload);
  reportHostNetwork(scope, workload);
  reportDependencies(scope, workload);
  reportDevices(scope, workload);
  reportGpus(scope, workload);
  reportHostPid(scope, workload);
  reportDnsOptions(scope, workload);
  const scaling = autoscaleFinding(workload, 'Swarm', `docker service scale ${scope.spec.name}_${workload.name}=N`);
  if (scaling) scope.reporter.report('swarm/autoscale', scaling.path, ...scaling.text);
  for (const f of routeFindings(workload, 'Swarm')) scope.reporter.report('swarm/route', f.path, ...f.text);
  return compact({
    ...containerKeys(scope, workload.main),
    ...swarmRuntimeKeys(workload),
    ports: portsKey(scope, workload),
    networks: aliasedNetworksKey(scope, scope.spec, workload),
    deploy: withPlacement(deployKey(scope, workload, workload.main), workload),
  });
}
