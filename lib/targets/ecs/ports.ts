import type { PortSpec, ServiceSpec, SystemSpec } from '../../model/spec';
import { isLoopbackBound } from './exposure';
import { mergeTcpUdp } from './tcp-udp';

/**
 * Ports on ECS: every port is a port mapping (protocol kept, named for Service Connect); a published port gets a
 * listener on the system's load balancer (load-balancers.ts): an ALB for ports marked http, an NLB for tcp/udp.
 */

export type LoadBalancerKind = 'alb' | 'nlb';

/** One published port: which load balancer, which listener port, which service and container port. */
export interface PublishedPort {
  readonly kind: LoadBalancerKind;
  readonly listenerPort: number;
  readonly service: ServiceSpec;
  readonly port: PortSpec;
  /** Index in the main container's ports, for diagnostics. */
  readonly index: number;
  /** The same port on udp, index in the main container's ports: one TCP_UDP listener serves both (tcp-udp.ts). */
  readonly udpTwin?: number;
}

/** The published ports of each system, worked out once. */
const bySystem = new WeakMap<SystemSpec, readonly PublishedPort[]>();

/** Every published port of the system's services, in service order then port order (not the loopback-bound ones). */
export function publishedPorts(spec: SystemSpec): readonly PublishedPort[] {
  let ports = bySystem.get(spec);
  if (!ports) {
    ports = findPublishedPorts(spec);
    bySystem.set(spec, ports);
  }
  return ports;
}

function findPublishedPorts(spec: SystemSpec): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const service of spec.services) {
    service.main.ports.forEach((port, index) => {
      // a routed port is reached through the routes' load balancer (routes.ts), not a listener of its own
      if (port.publish === 'none' || isLoopbackBound(port) || port.routes !== undefined) return;
      const kind: LoadBalancerKind = port.appProtocol === 'http' ? 'alb' : 'nlb';
      const listenerPort = port.publish === 'fixed' && port.hostPort !== undefined ? port.hostPort : port.containerPort;
      out.push({ kind, listenerPort, service, port, index });
    });
  }
  return mergeTcpUdp(out);
}
