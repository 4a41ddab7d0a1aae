import type { PortSpec } from '../../model/spec';
import type { FindingText } from './finding-text';

/**
 * Who may reach a published port, as the Docker engine can say it: a host address to bind (`-p 127.0.0.1:80:80`),
 * never a list of source CIDR blocks (that is the host firewall's job).
 */

/** A published port that admits only some sources, which the engine cannot restrict. */
export interface SourceCidrsProblem {
  readonly kind: 'source-cidrs';
  /** `C/proto`. */
  readonly own: string;
  readonly from: readonly string[];
}

/** The host address part of a `ports` string or `-p` flag: `127.0.0.1:`, `[::1]:`, or nothing. */
export function hostIpPrefix(port: PortSpec): string {
  if (port.hostIp === undefined) return '';
  return port.hostIp.includes(':') ? `[${port.hostIp}]:` : `${port.hostIp}:`;
}

/** The words for source CIDR blocks the engine cannot enforce, the same under Compose and docker. */
export function sourceCidrsText(problem: SourceCidrsProblem): FindingText {
  return [
    `port ${problem.own} admits only ${problem.from.join(', ')}, but Docker cannot restrict who connects to a published port: it is open to every source that reaches the host.`,
    'Bind it to one host address (publish(port, { hostIp })), or restrict the sources with the host firewall (the DOCKER-USER chain).',
  ];
}
