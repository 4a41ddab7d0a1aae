import type { PortSpec, ServiceSpec, SystemSpec, WorkloadSpec } from '../../model/spec';

/** True when every network of the workload is internal: its tasks get no public IP. */
export function isInternalOnly(spec: SystemSpec, w: WorkloadSpec): boolean {
  if (w.networks.length === 0) return false;
  return w.networks.every((name) => spec.networks.find((n) => n.name === name)?.internal === true);
}

export type LoadBalancerKind = 'alb' | 'nlb';

/** One published port: which load balancer, which listener port, which service and container port. */
export interface PublishedPort {
  readonly kind: LoadBalancerKind;
  readonly listenerPort: number;
  readonly service: ServiceSpec;
  readonly port: PortSpec;
  /** Index in the main container's ports, for diagnostics. */
  readonly index: number;
}

/** Every published port of the system's services, in service order then port order. */
export function publishedPorts(spec: SystemSpec): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const service of spec.services) {
    service.main.ports.forEach((port, index) => {
      if (port.publish === 'none') return;
      const kind: LoadBalancerKind = port.appProtocol === 'http' ? 'alb' : 'nlb';
      const listenerPort = port.publish === 'fixed' && port.hostPort !== undefined ? port.hostPort : port.containerPort;
      out.push({ kind, listenerPort, service, port, index });
    });
  }
  return out;
}

/** True when some service can be reached by name (a tcp port off the host network): the system gets a Cloud Map namespace. */
export function servesByName(spec: SystemSpec): boolean {
  return spec.services.some((s) => !s.hostNetwork && s.main.ports.some((p) => p.protocol === 'tcp'));
}

/** True when some workload needs private subnets: internal-only tasks, or EC2 container instances. */
export function needsPrivateSubnets(spec: SystemSpec): boolean {
  if (spec.options.ecs.launchType === 'ec2') return true;
  return [...spec.services, ...spec.jobs].some((w) => isInternalOnly(spec, w));
}

/** True when some workload or load balancer needs public subnets. */
export function needsPublicSubnets(spec: SystemSpec): boolean {
  if (publishedPorts(spec).length > 0) return true;
  if (spec.options.ecs.launchType === 'ec2') return false;
  return [...spec.services, ...spec.jobs].some((w) => !isInternalOnly(spec, w));
}
