import type { PortSpec, RouteSpec, ServiceSpec, SystemSpec } from '../../model/spec';

/**
 * The routes of a system's services, each with the service and port it leads to: what the routes' load balancer
 * serves (routes.ts) and what the stack plan counts (stack-plan.ts). Loads no aws-cdk-lib.
 */

/** One route with the service and port it leads to. */
export interface Routed {
  readonly service: ServiceSpec;
  readonly port: PortSpec;
  /** Index in the main container's ports, for diagnostics. */
  readonly index: number;
  readonly route: RouteSpec;
}

/** Every route of the system's services, in service order then port order. */
export function routedPorts(spec: SystemSpec): Routed[] {
  return spec.services.flatMap((service) =>
    service.main.ports.flatMap((port, index) => (port.routes ?? []).map((route) => ({ service, port, index, route }))),
  );
}
