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

const LAST_PORT = 65535;

/** Orders text by code unit, the same on every machine (no locale). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The published ports of each system, worked out once. */
const bySystem = new WeakMap<SystemSpec, readonly PublishedPort[]>();

/**
 * Every published port of the system's services, in service order then port order (not the loopback-bound ones).
 *
 * A port published on a fixed host port listens on that port. A port published on a dynamic host port gets, as
 * with Docker, some free port: the fixed ones are taken first, then each dynamic one, by service name and then
 * port index, gets its container port if that load balancer has it free, else the next free port above it
 * (wrapping round to 1 past 65535). The ports depend only on the system, so the same system always listens on the
 * same ports; `ecs/dynamic-listener-port` names each port that moved. Two fixed ports on one listener port are left
 * as they are, for checkListenerPorts to report.
 */
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
  return assignDynamicPorts(mergeTcpUdp(out));
}

const isDynamic = (p: PublishedPort): boolean => p.port.publish === 'dynamic';

/** The listener ports of the dynamic publishes, chosen after the fixed ones (see publishedPorts). */
function assignDynamicPorts(ports: readonly PublishedPort[]): PublishedPort[] {
  const taken = new Set(ports.filter((p) => !isDynamic(p)).map((p) => `${p.kind}:${p.listenerPort}`));
  const chosen = new Map<PublishedPort, number>();
  const dynamic = ports.filter(isDynamic).sort((a, b) => byText(a.service.name, b.service.name) || a.index - b.index);
  for (const p of dynamic) {
    let listenerPort = p.port.containerPort;
    while (taken.has(`${p.kind}:${listenerPort}`)) listenerPort = listenerPort === LAST_PORT ? 1 : listenerPort + 1;
    taken.add(`${p.kind}:${listenerPort}`);
    chosen.set(p, listenerPort);
  }
  return ports.map((p) => (chosen.has(p) ? { ...p, listenerPort: chosen.get(p)! } : p));
}

/** A dynamic publish whose container port was taken on its load balancer, so it listens on another port. */
export function movedListenerPort(p: PublishedPort): boolean {
  return isDynamic(p) && p.listenerPort !== p.port.containerPort;
}
