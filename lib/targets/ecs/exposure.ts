import type { PortSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';

/**
 * Who may reach a published port on ECS. A port bound to the host's loopback (`127.0.0.1:5432:5432`) is reachable
 * only from that host: it gets no listener. Source CIDRs (`from`) become the load balancer's ingress, and a load
 * balancer whose every source is private (RFC 1918) is internal, in the private subnets.
 */

const ANYONE = '0.0.0.0/0';

/** True when the port is bound to a loopback address (127.0.0.0/8, `::1`). */
export function isLoopbackBound(port: PortSpec): boolean {
  return port.loopback === true;
}

/** The source CIDRs the load balancer admits for a published port. */
export function sourcesOf(port: PortSpec): readonly string[] {
  return port.from ?? [ANYONE];
}

const PRIVATE_RANGES: readonly (readonly [number, number])[] = [
  [0x0a000000, 8],
  [0xac100000, 12],
  [0xc0a80000, 16],
];

function toNumber(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

/** True when the CIDR lies inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (an IPv6 block never does). */
function isPrivateCidr(cidr: string): boolean {
  if (cidr.includes(':')) return false;
  const [ip, bits] = cidr.split('/');
  const prefix = Number(bits);
  const address = toNumber(ip);
  return PRIVATE_RANGES.some(([base, size]) => prefix >= size && Math.floor(address / 2 ** (32 - size)) === Math.floor(base / 2 ** (32 - size)));
}

/** True when every source of every port is private: the load balancer is internal. */
export function everySourcePrivate(ports: readonly PortSpec[]): boolean {
  return ports.length > 0 && ports.every((p) => sourcesOf(p).every(isPrivateCidr));
}

/** A port bound to the loopback is not published on the load balancer: one finding per such port. */
export function checkLoopbackPorts(spec: SystemSpec, d: EcsReporter): void {
  for (const s of spec.services) {
    s.main.ports.forEach((p, index) => {
      if (p.publish === 'none' || !isLoopbackBound(p)) return;
      d.report('ecs/loopback-port', `${s.path} ports[${index}]`, `bound to the host's loopback (got ${p.hostIp}): ECS tasks have no shared host, so ${p.protocol} port ${p.containerPort} is not published on a load balancer and stays reachable by name only`, 'Publish it without hostIp to reach it from outside, with from: [cidrs] to say who may.');
    });
  }
}
