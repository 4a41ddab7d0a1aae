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

/** The probe needs a tool in the image. `engine` names the target as its messages do: `Compose`, `docker`. */
export function probeToolText(engine: string, health: ProbeCheck, line: string): FindingText {
  const tools = health.kind === 'http' ? 'curl or wget' : 'nc or bash';
  return [
    `${engine} has no ${health.kind} health check: it runs \`${line}\` in the container, so the image must contain ${tools}.`,
    'Use HealthCheck.command with a tool the image has.',
  ];
}
