import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { JobSpec, ServiceSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import type { NetworkMode } from './networks';

/**
 * Reaching a service by its name, as in Compose (`db:5432`): Service Connect over a Cloud Map namespace. It
 * carries TCP only, and serves ECS services, not the standalone tasks of jobs.
 */

/** True when some service has a tcp port: the system gets a Cloud Map namespace. */
export function servesByName(spec: SystemSpec): boolean {
  return spec.services.some((s) => s.main.ports.some((p) => p.protocol === 'tcp'));
}

/** The Cloud Map namespace that Service Connect uses, when some service can be reached by name. */
export function buildNamespace(cluster: ecs.Cluster, spec: SystemSpec): servicediscovery.INamespace | undefined {
  if (!servesByName(spec)) return undefined;
  return cluster.addDefaultCloudMapNamespace({
    name: spec.name,
    type: servicediscovery.NamespaceType.HTTP,
    useForServiceConnect: true,
  });
}

/** Service Connect of a service: every tcp port is reachable as `<service>:<port>`. */
export function serviceConnectOf(s: ServiceSpec, networkMode: NetworkMode, namespace: servicediscovery.INamespace | undefined, d: EcsReporter): ecs.ServiceConnectProps | undefined {
  if (!namespace || networkMode === 'host') return undefined;
  s.main.ports.forEach((p, index) => {
    if (p.protocol === 'udp') {
      d.report('ecs/udp-by-name', `${s.path} ports[${index}]`, `Service Connect carries TCP only: udp port ${p.containerPort} is not reachable as ${s.name}:${p.containerPort}`, 'Publish it through the load balancer, or reach the task by its IP address.');
    }
  });
  const services = s.main.ports
    .filter((p) => p.protocol === 'tcp')
    .map((p) => ({ portMappingName: p.name, discoveryName: `${s.name}-${p.name}`, dnsName: s.name, port: p.containerPort }));
  return { services: services.length > 0 ? services : undefined };
}

/** A job shares a network with services that have names: those names do not resolve inside its standalone task. */
export function checkJobByName(spec: SystemSpec, j: JobSpec, d: EcsReporter): void {
  if (!servesByName(spec)) return;
  const peers = spec.services.filter((s) => s.main.ports.some((p) => p.protocol === 'tcp') && s.networks.some((n) => j.networks.includes(n)));
  if (peers.length > 0) {
    d.report('ecs/job-by-name', `${j.path} networks`, `the job runs as a standalone task, which Service Connect does not serve: ${peers.map((s) => s.name).join(', ')} do not resolve by name inside it`, 'Pass the address in env, or run the work in a Service.');
  }
}
