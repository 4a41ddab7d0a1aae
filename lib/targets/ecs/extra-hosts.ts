import { HOST_GATEWAY } from '../../model/extra-hosts';
import type { WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import type { NetworkMode } from './networks';

/**
 * The main container's `extraHosts`, which ECS writes in bridge and host network modes only. An awsvpc task (Fargate,
 * and EC2 unless bridge mode) has none, and no mode knows Docker's `host-gateway`: those are reported and left out.
 */
export function extraHostsOf(w: WorkloadSpec, networkMode: NetworkMode, d: EcsReporter): Record<string, string> | undefined {
  if (!w.extraHosts) return undefined;
  const entries = Object.entries(w.extraHosts);
  if (networkMode === 'awsvpc') {
    d.report(
      'ecs/extra-hosts',
      `${w.path} extraHosts`,
      `a task in awsvpc network mode takes no extra hosts: ${w.name} cannot resolve ${entries.map(([h]) => h).join(', ')} through /etc/hosts`,
      'Reach the other side by a name the VPC resolves (a Route 53 record, a Service Connect name), or pass the address in an environment variable.',
    );
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [host, address] of entries) {
    if (address !== HOST_GATEWAY) {
      out[host] = address;
      continue;
    }
    d.report(
      'ecs/extra-hosts',
      `${w.path} extraHosts.${host}`,
      `ECS has no host-gateway: ${w.name} cannot resolve ${host} to the container instance it runs on`,
      `Use the instance's address from the task metadata endpoint (ECS_CONTAINER_METADATA_URI_V4), or a fixed address for ${host}.`,
    );
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
