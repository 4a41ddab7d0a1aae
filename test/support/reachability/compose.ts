import { isLoopback, matrixOf, outsideLine, parsePortText, peerLine, type Matrix } from './matrix';

/**
 * A judge of who reaches whom, read from a Compose file or a Swarm stack file (both parsed), so the two can be
 * compared: which networks each service is on (with `internal`), which pairs of services share a network (and so
 * reach each other by name), and which ports the outside reaches (`web 80/tcp <- 8080`, `echo 1234/udp <- *` for
 * a host port the platform picks). A Compose service in another's namespace (`network_mode: service:X`) is on
 * X's networks; host networking is the network `host`, whose ports are the host's own and not compared.
 */
export interface Reachability {
  /** Service -> its networks, sorted: `backend (internal)`, `frontend`, `host`. */
  readonly networks: Readonly<Record<string, readonly string[]>>;
  /** `a <-> b` for every pair of services sharing a network other than `host`, sorted. */
  readonly peers: readonly string[];
  /** What the outside reaches, sorted. */
  readonly published: readonly string[];
}

export type Doc = { services?: Record<string, any>; networks?: Record<string, any> };

export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value && typeof value === 'object') return Object.keys(value);
  return [];
}

export function judge(doc: Doc, networksOf: (name: string, service: any) => string[], portsOf: (service: any) => string[]): Reachability {
  const services = doc.services ?? {};
  const labelled = (net: string): string => {
    const top = doc.networks?.[net] ?? {};
    if (top.external && top.name === 'host') return 'host';
    return top.internal ? `${net} (internal)` : net;
  };
  const networks: Record<string, string[]> = {};
  for (const [name, service] of Object.entries(services)) networks[name] = networksOf(name, service).map(labelled).sort();
  const names = Object.keys(networks).sort();
  const peers: string[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const shared = networks[names[i]].filter((n) => n !== 'host' && networks[names[j]].includes(n));
      if (shared.length > 0) peers.push(`${names[i]} <-> ${names[j]}`);
    }
  }
  const published: string[] = [];
  for (const [name, service] of Object.entries(services)) {
    if (networks[name].includes('host')) continue;
    for (const port of portsOf(service)) published.push(`${name} ${port}`);
  }
  return { networks, peers, published: published.sort() };
}

/**
 * Reachability in a Compose file: `networks`, `network_mode`, and the short `ports` strings lading writes (a port
 * bound to the host's loopback is reachable from the host only, so it is not among `published`).
 */
export function composeReachability(doc: Doc): Reachability {
  const services = doc.services ?? {};
  const networksOf = (name: string, service: any): string[] => {
    const mode: string | undefined = service.network_mode;
    if (mode === 'host') return ['host-network'];
    if (mode?.startsWith('service:')) return networksOf(mode.slice('service:'.length), services[mode.slice('service:'.length)]);
    const own = listOf(service.networks);
    return own.length > 0 ? own : ['default'];
  };
  const withHost: Doc = { ...doc, networks: { ...(doc.networks ?? {}), 'host-network': { external: true, name: 'host' } } };
  const portsOf = (service: any): string[] =>
    listOf(service.ports)
      .map(parsePortText)
      .filter((p) => !isLoopback(p.hostIp)) // the host's own loopback: not reachable from outside
      .map((p) => `${p.containerPort}/${p.protocol} <- ${p.hostPort ?? '*'}`);
  return judge(withHost, networksOf, portsOf);
}

/**
 * The matrix of a Compose file: a service opens a declared port (`expose` or `ports`) of another that shares one of
 * its networks; the outside opens a published port unless it is bound to the host's loopback, or every network of
 * its service is internal (Docker cannot forward to it); so does a service that is on a network that is not
 * internal, through the host. Docker cannot restrict sources: every published port is
 * open to any. Sidecars (`network_mode: service:X`) and host-network services have no lines.
 */
export function composeMatrix(doc: Doc): Matrix {
  const services = Object.entries(doc.services ?? {}).filter(([, s]) => s.network_mode === undefined);
  const internal = (net: string) => doc.networks?.[net]?.internal === true;
  const networksOf = (s: any): string[] => (listOf(s.networks).length > 0 ? listOf(s.networks) : ['default']);
  const declared = (s: any) => [
    ...listOf(s.expose).map((e) => parsePortText(/\//.test(e) ? e : `${e}/tcp`)),
    ...listOf(s.ports).map(parsePortText),
  ];
  const lines: string[] = [];
  for (const [to, target] of services) {
    const ports = declared(target);
    const published = networksOf(target).every(internal) ? [] : listOf(target.ports).map(parsePortText).filter((p) => !isLoopback(p.hostIp));
    for (const [from, source] of services) {
      if (from === to) continue;
      if (networksOf(source).some((n) => networksOf(target).includes(n))) {
        for (const p of ports) lines.push(peerLine(from, to, p.containerPort, p.protocol));
      } else if (!networksOf(source).every(internal)) {
        // through the host's published port: a container that may leave its networks reaches it
        for (const p of published) lines.push(peerLine(from, to, p.containerPort, p.protocol));
      }
    }
    for (const p of published) lines.push(outsideLine(undefined, p.hostPort, to, p.containerPort, p.protocol));
  }
  return matrixOf(lines);
}
