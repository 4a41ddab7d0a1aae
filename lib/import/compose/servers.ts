import type { ConvertedService } from './workload';

/** Why a service serves, and the one change that makes it a job. */
export interface ServerReason {
  readonly why: string;
  readonly fix: string;
}

/**
 * The services that serve, whatever their restart policy, each with why: those with ports, those that another service depends on
 * to be started or healthy (a dependency on completion is a job's), those run as several replicas or on every node
 * (`deploy.mode: global`), and those whose only restart policy is Swarm's `deploy.restart_policy: on-failure`,
 * which a stack gives its long-running workers (Swarm runs every service of a stack as a service; a one-shot task
 * says `condition: none`). Compose restarts none of them on its own when `restart` is `no`; they stay Services,
 * which carry that policy where a target can.
 */
export function serversOf(mains: readonly ConvertedService[]): Map<string, ServerReason> {
  const servers = new Map<string, ServerReason>();
  const add = (name: string, reason: ServerReason): void => {
    if (!servers.has(name)) servers.set(name, reason);
  };
  for (const m of mains) {
    const name = m.input.composeName;
    if (m.ports.length > 0) add(name, { why: 'it has ports', fix: `Leave the ports out of ${name} to import it as a job.` });
    if (m.replicas > 1) add(name, { why: `it runs ${m.replicas} replicas`, fix: `Leave the replicas out of ${name} to import it as a job.` });
    if (m.deploy.global) add(name, { why: 'deploy.mode global runs it on every node', fix: `Leave deploy.mode out of ${name} to import it as a job.` });
    if (swarmWorker(m)) add(name, { why: 'its deploy.restart_policy on-failure restarts it', fix: `Give ${name} restart: "no" to import it as a job.` });
  }
  for (const m of mains) {
    for (const d of m.dependsOn) {
      if (d.condition === 'completed') continue;
      add(d.composeName, { why: `${m.input.composeName} waits for it to start`, fix: `Make ${m.input.composeName} wait for ${d.composeName} to complete (condition: service_completed_successfully) to import it as a job.` });
    }
  }
  return servers;
}

function swarmWorker(m: ConvertedService): boolean {
  return !m.input.map.entries.has('restart') && m.deploy.restartPolicy?.value.startsWith('on-failure') === true;
}
