import { ApiObject } from 'cdk8s';
import type { PortSpec, RouteSpec, ServiceSpec } from '../../model/spec';
import { routeUrl } from '../../model/route';
import type { ChartContext } from './context';

/** One route with the Service and port it leads to. */
interface Routed {
  readonly service: ServiceSpec;
  readonly port: PortSpec;
  readonly index: number;
  readonly route: RouteSpec;
}

function routedPorts(services: readonly ServiceSpec[]): Routed[] {
  return services.flatMap((service) =>
    service.main.ports.flatMap((port, index) => (port.routes ?? []).map((route) => ({ service, port, index, route }))),
  );
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The app's routes as one Ingress (networking.k8s.io/v1) named after the app: a rule per host, a Prefix path per
 * route to the workload's ClusterIP Service and container port; the https hosts in one TLS entry whose Secret is
 * `tlsSecretName` (default `<app>-tls`), filled by cert-manager when `certManagerClusterIssuer` is set.
 */
export function renderIngress(ctx: ChartContext): void {
  const routed = routedPorts(ctx.spec.services);
  if (routed.length === 0) return;
  const options = ctx.spec.options.kubernetes;
  for (const r of routed) {
    if (r.port.publish === 'none') continue;
    ctx.reporter.report(
      'kubernetes/routed-port',
      `${r.service.main.path} ports[${r.index}].routes`,
      `the port has a route (${routeUrl(r.route)}): it is reached through the Ingress, and no ${options.fixedPortServiceType === 'LoadBalancer' && r.port.publish === 'fixed' ? 'LoadBalancer' : 'NodePort'} Service publishes it`,
      'Leave out publish(...) for a routed port, or drop the route to publish it on its own.',
    );
  }
  if (!ctx.names.take('Ingress', ctx.spec.name, `${ctx.spec.name} routes`, 253)) return;
  const hosts = [...new Set(routed.map((r) => r.route.host))].sort(byText);
  const rules = hosts.map((host) => ({
    host,
    http: {
      paths: routed
        .filter((r) => r.route.host === host)
        .sort((a, b) => byText(a.route.path, b.route.path) || byText(a.route.scheme, b.route.scheme))
        .filter((r, i, all) => i === 0 || all[i - 1].route.path !== r.route.path)
        .map((r) => ({ path: r.route.path, pathType: 'Prefix', backend: { service: { name: r.service.name, port: { number: r.port.containerPort } } } })),
    },
  }));
  const tlsHosts = [...new Set(routed.filter((r) => r.route.scheme === 'https').map((r) => r.route.host))].sort(byText);
  const secretName = options.tlsSecretName ?? `${ctx.spec.name}-tls`;
  if (tlsHosts.length > 0 && options.certManagerClusterIssuer === undefined) {
    ctx.reporter.report(
      'kubernetes/route-tls',
      `${ctx.spec.name} targetOptions.kubernetes`,
      `the Ingress serves ${tlsHosts.join(', ')} over https with the certificate in the Secret ${secretName}, which must exist in the namespace`,
      "Create it (kubectl create secret tls ...), or set targetOptions.kubernetes.certManagerClusterIssuer: 'letsencrypt-prod' to have cert-manager issue it.",
    );
  }
  const annotations = options.certManagerClusterIssuer && tlsHosts.length > 0 ? { 'cert-manager.io/cluster-issuer': options.certManagerClusterIssuer } : undefined;
  new ApiObject(ctx.chart, 'ingress', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: ctx.spec.name, ...(annotations ? { annotations } : {}) },
    spec: {
      ...(options.ingressClassName ? { ingressClassName: options.ingressClassName } : {}),
      rules,
      ...(tlsHosts.length > 0 ? { tls: [{ hosts: tlsHosts, secretName }] } : {}),
    },
  });
}
