import type { PublishedPort } from './ports';

/**
 * The same port published on tcp and on udp (DNS 53, syslog 514) on the same listener port, container port and
 * sources: one network load balancer listener with protocol TCP_UDP serves both, as a load balancer port takes one
 * listener. The tcp entry stands for the pair and names its udp twin.
 */

const sameSources = (a: PublishedPort, b: PublishedPort): boolean => JSON.stringify(a.port.from ?? null) === JSON.stringify(b.port.from ?? null);

/** The published ports with each tcp/udp pair merged into its tcp entry (`udpTwin`), order kept. */
export function mergeTcpUdp(ports: readonly PublishedPort[]): PublishedPort[] {
  const twins = new Map<PublishedPort, PublishedPort>();
  for (const tcp of ports) {
    if (tcp.kind !== 'nlb' || tcp.port.protocol !== 'tcp') continue;
    const udp = ports.find(
      (u) =>
        u.kind === 'nlb' &&
        u.port.protocol === 'udp' &&
        u.service.name === tcp.service.name &&
        u.listenerPort === tcp.listenerPort &&
        u.port.containerPort === tcp.port.containerPort &&
        sameSources(u, tcp) &&
        ![...twins.values()].includes(u),
    );
    if (udp) twins.set(tcp, udp);
  }
  const merged = new Set(twins.values());
  return ports.filter((p) => !merged.has(p)).map((p) => (twins.has(p) ? { ...p, udpTwin: twins.get(p)!.index } : p));
}

/** The listener and target group protocol name: `TCP_UDP` for a merged pair. */
export function isTcpUdp(p: PublishedPort): boolean {
  return p.udpTwin !== undefined;
}
