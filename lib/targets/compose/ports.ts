import type { WorkloadSpec } from '../../model/spec';
import { sourceCidrsText } from '../docker-engine/port-sources';
import { internalNetworkPortText, planPorts, type PortProblem } from '../docker-engine/ports';
import { propPath } from '../docker-engine/prop-path';
import type { ComposeScope } from './scope';

interface PortKeys {
  /** Published: `"8080:80/tcp"` on a fixed host port, `"1234/udp"` on one Docker picks; `"127.0.0.1:5432:5432/tcp"` bound to one address. */
  readonly ports?: string[];
  /** Reachable by name from services on a shared network, not published. */
  readonly expose?: string[];
}

/** Reports one problem of the port at `path` with its Compose code and words. */
function reportProblem(scope: ComposeScope, path: string, problem: PortProblem): void {
  if (problem.kind === 'internal-network-port') return scope.reporter.report('compose/internal-network-port', path, ...internalNetworkPortText(problem));
  if (problem.kind === 'source-cidrs') return scope.reporter.report('compose/source-cidrs', path, ...sourceCidrsText(problem));
  // fixed-port-replicas: the lint rule of the same name says it once, as the error it is on `docker compose up`
}

/** `ports` and `expose` of a workload's main container (sidecars share its network namespace and have none). */
export function portKeys(scope: ComposeScope, workload: WorkloadSpec): PortKeys {
  const ports: string[] = [];
  const expose: string[] = [];
  for (const plan of planPorts(workload, scope.spec.networks)) {
    if (plan.publish) ports.push(plan.publish);
    if (plan.expose) expose.push(plan.expose);
    for (const problem of plan.problems) reportProblem(scope, propPath(workload.path, `ports[${plan.index}]`), problem);
  }
  return { ports: ports.length > 0 ? ports : undefined, expose: expose.length > 0 ? expose : undefined };
}
