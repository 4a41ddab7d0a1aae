import type { WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import type { NetworkMode } from './networks';

/** The main container's `dnsServers`, which ECS sets in bridge and host network modes only. */
export function dnsServersOf(w: WorkloadSpec, networkMode: NetworkMode, d: EcsReporter): string[] | undefined {
  if (!w.dns) return undefined;
  if (networkMode !== 'awsvpc') return [...w.dns];
  d.report(
    'ecs/dns-servers-awsvpc',
    `${w.path} dns`,
    `a task in awsvpc network mode uses the VPC's resolver: ${w.name} does not ask ${w.dns.join(', ')}`,
    'Forward the names it needs with a Route 53 Resolver rule, or run it on EC2 in bridge mode (a service that publishes a dynamic host port).',
  );
  return undefined;
}
