import type { WorkloadSpec } from '../../model/spec';
import { sourceCidrsText } from '../docker-engine/port-sources';
import { internalNetworkPortText, planPorts, type PortProblem } from '../docker-engine/ports';
import { propPath } from '../docker-engine/prop-path';
import type { DockerScope } from './scope';
import type { Word } from './shell';

/** Reports one problem of the port at `path` with its docker code and words. */
function reportProblem(scope: DockerScope, path: string, problem: PortProblem): void {
  if (problem.kind === 'internal-network-port') return scope.reporter.report('docker/internal-network-port', path, ...internalNetworkPortText(problem));
  if (problem.kind === 'source-cidrs') return scope.reporter.report('docker/source-cidrs', path, ...sourceCidrsText(problem));
  const message = `${problem.replicas} containers of ${problem.workload} cannot all bind host port ${problem.hostPort}: the second \`docker run\` would fail.`;
  scope.reporter.report('docker/fixed-port-replicas', path, message, `Publish on a dynamic host port (${problem.port}.publish()), or run one replica.`);
}

/**
 * The port flags of a workload's main container (sidecars share its network namespace and have none):
 * `-p P:C/proto` on a fixed host port, `-p C/proto` on one Docker picks, `--expose C/proto` when not published.
 */
export function portFlags(scope: DockerScope, workload: WorkloadSpec): Word[][] {
  return planPorts(workload, scope.spec.networks).flatMap((plan): Word[][] => {
    for (const problem of plan.problems) reportProblem(scope, propPath(workload.path, `ports[${plan.index}]`), problem);
    return plan.publish ? [['-p', plan.publish]] : plan.expose ? [['--expose', plan.expose]] : [];
  });
}
