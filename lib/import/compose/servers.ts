import type { ConvertedService } from './workload';

/**
 * The services that serve, whatever their restart policy: those with ports, and those that another service
 * depends on to be started or healthy (a dependency on completion is a job's). Compose restarts none of them on
 * its own when `restart` is `no`; they stay Services, which carry that policy where a target can.
 */
export function serversOf(mains: readonly ConvertedService[]): Set<string> {
  const servers = new Set<string>();
  for (const m of mains) {
    if (m.ports.length > 0) servers.add(m.input.composeName);
    for (const d of m.dependsOn) if (d.condition !== 'completed') servers.add(d.composeName);
  }
  return servers;
}
