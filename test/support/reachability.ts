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

type Doc = { services?: Record<string, any>; networks?: Record<string, any> };

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value && typeof value === 'object') return Object.keys(value);
  return [];
}

function judge(doc: Doc, networksOf: (name: string, service: any) => string[], portsOf: (service: any) => string[]): Reachability {
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

/** Reachability in a Compose file: `networks`, `network_mode`, and the short `ports` strings lading writes. */
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
    listOf(service.ports).map((p) => {
      const m = /^(?:(\d+):)?(\d+)\/(tcp|udp)$/.exec(p);
      if (!m) throw new Error(`a port the judge does not read: ${p}`);
      return `${m[2]}/${m[3]} <- ${m[1] ?? '*'}`;
    });
  return judge(withHost, networksOf, portsOf);
}

/** Reachability in a stack file: `networks` (Swarm's `host` network external), and the long `ports` syntax. */
export function stackReachability(doc: Doc): Reachability {
  const networksOf = (_name: string, service: any): string[] => {
    const own = listOf(service.networks);
    return own.length > 0 ? own : ['default'];
  };
  const portsOf = (service: any): string[] =>
    (service.ports ?? []).map((p: any) => {
      if (typeof p !== 'object' || p.mode !== 'ingress') throw new Error(`a port the judge does not read: ${JSON.stringify(p)}`);
      return `${p.target}/${p.protocol ?? 'tcp'} <- ${p.published ?? '*'}`;
    });
  return judge(doc, networksOf, portsOf);
}
