import type { PublishedPort } from './ports';

/**
 * A port published for both tcp and udp on the same host port (`53:53/tcp` and `53:53/udp`) is one TCP_UDP
 * listener of the network load balancer: the tcp port carries it, and the udp port of the pair is returned here
 * so that no second listener claims the same port.
 */
export function udpJoinedToTcp(published: readonly PublishedPort[]): Set<PublishedPort> {
  const joined = new Set<PublishedPort>();
  for (const udp of published) {
    if (udp.kind !== 'nlb' || udp.port.protocol !== 'udp') continue;
    const tcp = published.find(
      (p) => p.kind === 'nlb' && p.port.protocol === 'tcp' && p.service === udp.service && p.listenerPort === udp.listenerPort && p.port.containerPort === udp.port.containerPort,
    );
    if (tcp) joined.add(udp);
  }
  return joined;
}

/** The tcp ports whose listener also carries udp. */
export function tcpWithUdp(published: readonly PublishedPort[], joined: ReadonlySet<PublishedPort>): Set<PublishedPort> {
  const out = new Set<PublishedPort>();
  for (const udp of joined) {
    const tcp = published.find((p) => p.kind === 'nlb' && p.port.protocol === 'tcp' && p.service === udp.service && p.listenerPort === udp.listenerPort);
    if (tcp) out.add(tcp);
  }
  return out;
}
