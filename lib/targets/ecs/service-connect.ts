import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { ServiceSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import type { NetworkMode } from './networks';
import { servesByName } from './serves-by-name';

/**
 * Reaching a service by its name, as in Compose (`db:5432`): Service Connect over a Cloud Map namespace, a private
 * DNS zone named after the system. It carries TCP only, and serves ECS services; jobs resolve names through the
 * zone's DNS records (job-names.ts).
 */

/** The Cloud Map namespace that Service Connect and DNS use, when some service can be reached by name. */
export function buildNamespace(cluster: ecs.Cluster, spec: SystemSpec): servicediscovery.INamespace | undefined {
  if (!servesByName(spec)) return undefined;
  return cluster.addDefaultCloudMapNamespace({
    name: spec.name,
    type: servicediscovery.NamespaceType.DNS_PRIVATE,
    vpc: cluster.vpc,
    useForServiceConnect: true,
  });
}

/** Service Connect of a service: every tcp port is reachable as `<service>:<port>`. */
export function serviceConnectOf(s: ServiceSpec, networkMode: NetworkMode, namespace: servicediscovery.INamespace | undefined, d: EcsReporter): ecs.CfnService.ServiceConnectConfigurationProperty | undefined {
  if (!namespace || networkMode === 'host') return undefined;
  s.main.ports.forEach((p, index) => {
    if (p.protocol === 'udp') {
      const onLoadBalancer = p.publish !== 'none' && p.hostIp === undefined; // a port bound to a host address gets no listener
      const fix = onLoadBalancer ? 'Reach it through its load balancer, where it is published, or by the task\'s IP address.' : 'Publish it through the load balancer, or reach the task by its IP address.';
      d.report('ecs/udp-by-name', `${s.path} ports[${index}]`, `Service Connect carries TCP only: udp port ${p.containerPort} is not reachable as ${s.name}:${p.containerPort}`, fix);
    }
  });
  const services = s.main.ports
    .filter((p) => p.protocol === 'tcp')
    .map((p) => ({ portName: p.name, discoveryName: `${s.name}-${p.name}`, clientAliases: [{ dnsName: s.name, port: p.containerPort }] }));
  return { enabled: true, namespace: namespace.namespaceName, services: services.length > 0 ? services : undefined };
}
