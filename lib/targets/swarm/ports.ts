import type { WorkloadSpec } from '../../model/spec';
import { planPorts, type PortProblem } from '../docker-engine/ports';
import { compact, type StackValue } from './document';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';
import { hostIpLeftOut, sourceCidrsOpen } from './port-exposure';

function reportProblem(scope: SwarmScope, path: string, problem: PortProblem): void {
  if (problem.kind === 'internal-network-port') {
    scope.reporter.report(
      'swarm/internal-network-port',
      path,
      `port ${problem.own} is published, and every network of ${problem.workload} is internal: Swarm's routing mesh reaches it through the ingress network all the same, where Docker on one host would not.`,
      'Add a network that is not internal to the workload, or do not publish the port.',
    );
  }
  if (problem.kind === 'source-cidrs') sourceCidrsOpen(scope, path, problem);
  // fixed-port-replicas: the routing mesh shares one published port between every replica, as asked
}

/**
 * `ports`, in the long syntax. A published port is published on the routing mesh (`mode: ingress`): every node
 * answers on it and forwards to a replica, so replicas share a fixed port; a dynamic port leaves `published`
 * out and Swarm picks one (a workload on the host network has no ports: the model refuses them).
 * A port that is not published is reachable by name on a shared network and needs no key.
 */
export function portsKey(scope: SwarmScope, workload: WorkloadSpec): StackValue[] | undefined {
  const out: StackValue[] = [];
  for (const plan of planPorts(workload, scope.spec.networks)) {
    const port = workload.main.ports[plan.index];
    for (const problem of plan.problems) reportProblem(scope, propPath(workload.path, `ports[${plan.index}]`), problem);
    if (plan.publish && port.hostIp !== undefined) hostIpLeftOut(scope, propPath(workload.path, `ports[${plan.index}]`), port);
    else if (plan.publish) {
      out.push(compact({ target: port.containerPort, published: port.hostPort, protocol: port.protocol, mode: 'ingress' }));
    }
  }
  return out.length > 0 ? out : undefined;
}
