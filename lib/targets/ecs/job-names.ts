import { CfnOutput, Fn, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import type { JobSpec, ServiceSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { CfnCloudMapService } from './l1-resources';
import type { NetworkMode } from './networks';

/**
 * Jobs reach services by name, as in Compose (`db:5432` from a migration job). Service Connect serves ECS services
 * only, so each awsvpc service with a tcp port is also registered in the system's Cloud Map namespace, a private
 * DNS zone named after the system (`db.shop` resolves to its tasks' addresses), and a new VPC gets DHCP options
 * whose search domain is that zone, so the bare `db` resolves in every task of the VPC, a job's included. An
 * on-demand job's network configuration is an output of the system's stack, as `aws ecs run-task` needs it (in a
 * split system the job's stack holds its groups, and an output there would re-export the shared stack's imports).
 */

/**
 * The Cloud Map DNS registration of a service: an A record per task, named after the service, kept for 10 seconds.
 * Returns its ARN, the service's registry; undefined when the service is not registered.
 */
export function buildCloudMapService(scope: Construct, s: ServiceSpec, networkMode: NetworkMode, namespace: servicediscovery.INamespace | undefined): string | undefined {
  if (!namespace || networkMode !== 'awsvpc' || !s.main.ports.some((p) => p.protocol === 'tcp')) return undefined;
  const service = new CfnCloudMapService(new Construct(scope, 'CloudmapService'), 'Resource', {
    name: s.name,
    dnsConfig: { dnsRecords: [{ type: 'A', ttl: 10 }], namespaceId: namespace.namespaceId, routingPolicy: 'MULTIVALUE' },
    healthCheckCustomConfig: { failureThreshold: 1 },
    namespaceId: namespace.namespaceId,
  });
  return service.attrArn;
}

/** A new VPC whose tasks search the system's zone: `db` resolves as `db.<system>`. */
export function buildSearchDomain(stack: Stack, vpc: ec2.IVpc, spec: SystemSpec, namespace: servicediscovery.INamespace | undefined): void {
  if (!namespace || spec.options.ecs.vpc || spec.jobs.length === 0) return;
  const options = new ec2.CfnDHCPOptions(stack, 'DhcpOptions', { domainName: spec.name, domainNameServers: ['AmazonProvidedDNS'] });
  new ec2.CfnVPCDHCPOptionsAssociation(stack, 'DhcpOptionsAssociation', { vpcId: vpc.vpcId, dhcpOptionsId: options.ref });
}

/** The services of each system that have a tcp port, found once. */
const tcpServices = new WeakMap<SystemSpec, readonly ServiceSpec[]>();

/** Services a job shares a network with, that have a tcp port: the names it may look up. */
function peersOf(spec: SystemSpec, j: JobSpec): ServiceSpec[] {
  let tcp = tcpServices.get(spec);
  if (!tcp) {
    tcp = spec.services.filter((s) => s.main.ports.some((p) => p.protocol === 'tcp'));
    tcpServices.set(spec, tcp);
  }
  return tcp.filter((s) => s.networks.some((n) => j.networks.includes(n)));
}

/**
 * A job's peers that it cannot reach by their bare name: all of them in an existing VPC (whose DHCP options lading
 * does not set), those in bridge or host mode (no A record) otherwise.
 */
export function checkJobByName(spec: SystemSpec, j: JobSpec, modeOf: (s: ServiceSpec) => NetworkMode, d: EcsReporter): void {
  const peers = peersOf(spec, j);
  if (spec.options.ecs.vpc && peers.length > 0) {
    d.report('ecs/job-by-name', `${j.path} networks`, `the existing VPC's DHCP options are not set by lading: ${peers.map((s) => s.name).join(', ')} resolve inside the job as ${peers.map((s) => `${s.name}.${spec.name}`).join(', ')}, not by the bare name`, `Add ${spec.name} to the search domains of the VPC's DHCP options, or use the full names.`);
    return;
  }
  const unregistered = peers.filter((s) => modeOf(s) !== 'awsvpc');
  if (unregistered.length > 0) {
    const one = unregistered.length === 1;
    const names = unregistered.map((s) => s.name).join(', ');
    d.report(
      'ecs/job-by-name',
      `${j.path} networks`,
      `${names} ${one ? 'uses' : 'use'} bridge or host networking, which gets no DNS record: ${one ? 'it does' : 'they do'} not resolve by name inside the job's standalone task`,
      `Publish ${one ? 'its' : 'their'} ports on fixed host ports so ${one ? 'it uses' : 'they use'} awsvpc, or pass the address in env.`,
    );
  }
}

/** The `--network-configuration` of `aws ecs run-task` for an on-demand awsvpc job, as an output. */
export function runTaskOutput(scope: Construct, j: JobSpec, subnets: readonly string[], groups: readonly ec2.ISecurityGroup[], publicIp: boolean): void {
  new CfnOutput(scope, 'NetworkConfiguration', {
    description: `${j.path}: aws ecs run-task --network-configuration for this job`,
    value: Fn.join('', [
      'awsvpcConfiguration={subnets=[',
      Fn.join(',', [...subnets]),
      '],securityGroups=[',
      Fn.join(',', groups.map((g) => g.securityGroupId)),
      `],assignPublicIp=${publicIp ? 'ENABLED' : 'DISABLED'}}`,
    ]),
  });
}
