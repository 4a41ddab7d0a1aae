import { httpProbe, tcpProbe } from '../../docker-notation/health-probes';
import type { HttpHealthCheckSpec, TcpHealthCheckSpec } from '../../model/spec';
import type { FindingText } from './finding-text';

/** A check Docker does not have: it becomes a shell probe the container runs. */
export type ProbeCheck = HttpHealthCheckSpec | TcpHealthCheckSpec;

/**
 * The shell line the engine runs for an http or tcp check. `quote` quotes the URL the way the target quotes its
 * other words (Compose always in single quotes, the docker script only where `sh` needs it).
 */
export function probeLine(health: ProbeCheck, quote: (word: string) => string): string {
  return health.kind === 'http' ? httpProbe(health.port, health.path, quote) : tcpProbe(health.port);
}

/**
 * The probe needs a tool in the image: the same fact on Compose, Swarm and the docker script, said in the same words
 * (with `line` as Compose writes it), so that a person reads it once for the three.
 */
export function probeToolText(health: ProbeCheck, line: string): FindingText {
  const tools = health.kind === 'http' ? 'curl or wget' : 'nc or bash';
  return [
    `Docker has no ${health.kind} health check: it runs \`${line}\` in the container, so the image must contain ${tools}.`,
    'Use HealthCheck.command with a tool the image has.',
  ];
}
