import { routeUrl } from '../../model/route';
import type { WorkloadSpec } from '../../model/spec';
import type { FindingText } from './finding-text';
import { propPath } from './prop-path';

/**
 * The routes of a workload's ports, on an engine that has no ingress: no TLS, no host or path routing. The port
 * stays as published (or not) today; each routed port gets one finding, its path and words, for the target to
 * report with its own code.
 */
export function routeFindings(workload: WorkloadSpec, engine: string): { readonly path: string; readonly text: FindingText }[] {
  return workload.main.ports.flatMap((p, i) => {
    if (!p.routes) return [];
    const urls = p.routes.map(routeUrl).join(', ');
    const reach = p.publish === 'fixed' ? `it is published on host port ${p.hostPort} only` : p.publish === 'dynamic' ? 'it is published on a host port the engine picks' : 'it is not published';
    return [
      {
        path: propPath(workload.main.path, `ports[${i}].routes`),
        text: [
          `${engine} has no ingress: the route ${urls} gets no TLS and no host or path routing; ${reach}.`,
          'Put a reverse proxy (Traefik, Caddy, nginx) in front for the hosts and certificates, or deploy to Kubernetes or ECS, which route them.',
        ],
      },
    ];
  });
}
