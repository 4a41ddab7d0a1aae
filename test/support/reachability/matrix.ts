/**
 * The reachability matrix: who can open which port on whom, read from a target's output format. One line per
 * connection that the output allows, sorted:
 *
 * - `api -> db 5432/tcp`: workload api may open db's container port 5432/tcp (db declares the port), on a shared
 *   network, or through the port db publishes when api may leave its networks;
 * - `outside:8080 -> web 80/tcp`: any client off the host or cluster may open web's port 80 through port 8080
 *   (`outside:*` when the platform picks the outer port);
 * - `outside[10.0.0.0/8]:5432 -> db 5432/tcp`: only clients from those CIDR blocks may.
 *
 * A port bound to the host's loopback is reachable from that host only, so it has no `outside` line. Workloads on
 * the host network are left out (their ports are the host's own), and so are sidecars (they share their main
 * workload's network namespace: its lines are theirs). Every format has one function returning a `Matrix`
 * (compose.ts, kubernetes.ts; an ECS judge reads the security groups and load balancers of the templates and
 * returns the same type), so any two can be compared with `toEqual`.
 */
export type Matrix = readonly string[];

/** `a -> b 5432/tcp`. */
export function peerLine(from: string, to: string, port: number, protocol: string): string {
  return `${from} -> ${to} ${port}/${protocol.toLowerCase()}`;
}

/** `outside:8080 -> web 80/tcp`, or `outside[10.0.0.0/8]:5432 -> db 5432/tcp` for some sources only. */
export function outsideLine(sources: readonly string[] | undefined, outer: number | undefined, to: string, port: number, protocol: string): string {
  const from = sources === undefined ? 'outside' : `outside[${[...sources].sort().join(',')}]`;
  return `${from}:${outer ?? '*'} -> ${to} ${port}/${protocol.toLowerCase()}`;
}

/** Sorted and unique. */
export function matrixOf(lines: Iterable<string>): Matrix {
  return [...new Set(lines)].sort();
}

/** A short `ports` string as Compose writes it: `[IP:][HOST:]C/proto`, IPv6 addresses in brackets. */
export interface PortText {
  readonly hostIp?: string;
  readonly hostPort?: number;
  readonly containerPort: number;
  readonly protocol: string;
}

export function parsePortText(text: string): PortText {
  const m = /^(?:(\[[0-9a-fA-F:]+\]|\d+\.\d+\.\d+\.\d+):)?(?:(\d*):)?(\d+)\/(tcp|udp)$/.exec(text);
  if (!m) throw new Error(`a port the judge does not read: ${text}`);
  return {
    ...(m[1] ? { hostIp: m[1].replace(/^\[|\]$/g, '') } : {}),
    ...(m[2] ? { hostPort: Number(m[2]) } : {}),
    containerPort: Number(m[3]),
    protocol: m[4],
  };
}

/** Only the host itself connects to an address in 127.0.0.0/8 or to ::1. */
export function isLoopback(ip: string | undefined): boolean {
  return ip !== undefined && (/^127\./.test(ip) || ip === '::1');
}
