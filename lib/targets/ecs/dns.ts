import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import type { NetworkMode } from './networks';

type DnsOptions = Pick<ecs.ContainerDefinitionOptions, 'dnsServers' | 'dnsSearchDomains'>;

/**
 * The main container's `dnsServers` and `dnsSearchDomains`, which ECS sets in bridge and host network modes only;
 * an awsvpc task is reported for each. A container definition has no resolver options, in any mode: reported too.
 */
export function dnsOptionsOf(w: WorkloadSpec, networkMode: NetworkMode, d: EcsReporter): DnsOptions {
  const dns = w.dns;
  if (!dns) return {};
  if (dns.options) {
    d.report(
      'ecs/dns-options',
      `${w.path} dns.options`,
      `a container definition has no resolver options: ${w.name} resolves without ${dns.options.join(', ')}`,
      'Set them in the image: an entrypoint that appends an options line to /etc/resolv.conf before it starts the program.',
    );
  }
  if (networkMode !== 'awsvpc') {
    return { ...(dns.servers ? { dnsServers: [...dns.servers] } : {}), ...(dns.search ? { dnsSearchDomains: [...dns.search] } : {}) };
  }
  if (dns.servers) {
    d.report(
      'ecs/dns-servers-awsvpc',
      `${w.path} dns`,
      `a task in awsvpc network mode uses the VPC's resolver: ${w.name} does not ask ${dns.servers.join(', ')}`,
      'Forward the names it needs with a Route 53 Resolver rule, or run it on EC2 in bridge mode (a service that publishes a dynamic host port).',
    );
  }
  if (dns.search) {
    d.report(
      'ecs/dns-search-awsvpc',
      `${w.path} dns.search`,
      `a task in awsvpc network mode searches the domains of the VPC's DHCP options: ${w.name} does not search ${dns.search.join(', ')}`,
      'Add the domains to the VPC\'s DHCP options (domain-name), write full names, or run it on EC2 in bridge mode (a service that publishes a dynamic host port).',
    );
  }
  return {};
}
