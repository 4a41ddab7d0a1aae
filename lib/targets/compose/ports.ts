import type { PortSpec, WorkloadSpec } from '../../model/spec';
import { propPath, type ComposeScope } from './scope';

export interface PortKeys {
  /** Published: `"8080:80/tcp"` on a fixed host port, `"1234/udp"` on one Docker picks. */
  readonly ports?: string[];
  /** Reachable by name from services on a shared network, not published. */
  readonly expose?: string[];
}

function hostNetworkPort(scope: ComposeScope, path: string, port: PortSpec): void {
  const own = `${port.containerPort}/${port.protocol}`;
  const problem =
    port.publish === 'none'
      ? `with host networking, port ${own} is open on the host's own port ${port.containerPort}, not only to services on a shared network.`
      : port.publish === 'dynamic'
        ? `with host networking, port ${own} is open on the host's own port ${port.containerPort}, not on a port Docker picks.`
        : port.hostPort !== port.containerPort
          ? `with host networking, port ${own} cannot be published on host port ${port.hostPort}: it is open on the host's port ${port.containerPort}.`
          : undefined;
  if (problem) scope.report('compose/host-network-port', path, problem, 'Leave host networking off to publish or hide ports.');
}

/** `ports` and `expose` of a workload's main container (sidecars share its network namespace and have none). */
export function portKeys(scope: ComposeScope, workload: WorkloadSpec): PortKeys {
  const ports: string[] = [];
  const expose: string[] = [];
  const onInternalOnly =
    workload.networks.length > 0 &&
    workload.networks.every((name) => scope.spec.networks.find((n) => n.name === name)?.internal === true);
  workload.main.ports.forEach((port, i) => {
    const path = propPath(workload.path, `ports[${i}]`);
    const own = `${port.containerPort}/${port.protocol}`;
    if (workload.hostNetwork) return hostNetworkPort(scope, path, port);
    if (port.publish === 'none') return void expose.push(own);
    ports.push(port.publish === 'fixed' ? `${port.hostPort}:${own}` : own);
    if (onInternalOnly) {
      scope.report(
        'compose/internal-network-port',
        path,
        `port ${own} is published, but every network of ${workload.name} is internal, so Docker cannot forward the host's traffic to it.`,
        'Add a network that is not internal to the workload, or do not publish the port.',
      );
    }
    if (port.publish === 'fixed' && workload.kind === 'service' && workload.replicas > 1) {
      scope.report(
        'compose/fixed-port-replicas',
        path,
        `${workload.replicas} replicas cannot all bind host port ${port.hostPort} with \`docker compose up\` (\`docker stack deploy\` shares it through its routing mesh).`,
        'Publish on a dynamic host port, or run one replica.',
      );
    }
  });
  return { ports: ports.length > 0 ? ports : undefined, expose: expose.length > 0 ? expose : undefined };
}
