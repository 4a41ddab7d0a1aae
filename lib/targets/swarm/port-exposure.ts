import type { PortSpec } from '../../model/spec';
import type { SourceCidrsProblem } from '../docker-engine/port-sources';
import type { SwarmScope } from './scope';

/**
 * Who reaches a published port on a swarm: the routing mesh publishes it on every address of every node, so a
 * stack file can neither bind one host address (`host_ip` is refused) nor restrict sources.
 */

/** A port bound to one host address is not published: Swarm would open it on every node's addresses. */
export function hostIpLeftOut(scope: SwarmScope, path: string, port: PortSpec): void {
  const own = `${port.containerPort}/${port.protocol}`;
  const who = port.loopback ? 'only the host itself may connect' : `only ${port.hostIp} may be bound`;
  scope.reporter.report(
    'swarm/host-ip',
    path,
    `port ${own} is bound to host address ${port.hostIp} (${who}), but a stack file cannot bind one address (host_ip is refused): the port is not published, and is reachable by name on its networks only.`,
    'Reach it from a container on a shared network (docker exec), or publish it without hostIp.',
  );
}

/** Source CIDR blocks the routing mesh cannot enforce: the port is open to every source that reaches a node. */
export function sourceCidrsOpen(scope: SwarmScope, path: string, problem: SourceCidrsProblem): void {
  scope.reporter.report(
    'swarm/source-cidrs',
    path,
    `port ${problem.own} admits only ${problem.from.join(', ')}, but the routing mesh cannot restrict who connects: it is open to every source that reaches a node.`,
    "Restrict the sources with each node's firewall (the DOCKER-USER chain), or put the swarm behind a load balancer that does.",
  );
}
