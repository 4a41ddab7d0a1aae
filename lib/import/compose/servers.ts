import type { ConvertedService } from './workload';

/**
 * The services that serve, whatever their restart policy: those with ports, those that another service depends on
 * to be started or healthy (a dependency on completion is a job's), those run as several replicas or on every node
 * (`deploy.mode: global`), and those whose only restart policy is Swarm's `deploy.restart_policy: on-failure`,
 * which a stack gives its long-running workers (Swarm runs every service of a stack as a service; a one-shot task
 * says `condition: none`). Compose restarts none of them on its own when `restart` is `no`; they stay Services,
 * which carry that policy where a target can.
 */
export function serversOf(mains: readonly ConvertedService[]): Set<string> {
  const servers = new Set<string>();
  for (const m of mains) {
    if (m.ports.length > 0 || m.replicas > 1 || m.deploy.global || swarmWorker(m)) servers.add(m.input.composeName);
    for (const d of m.dependsOn) if (d.condition !== 'completed') servers.add(d.composeName);
  }
  return servers;
}

function swarmWorker(m: ConvertedService): boolean {
  return !m.input.map.entries.has('restart') && m.deploy.restartPolicy?.value.startsWith('on-failure') === true;
}
