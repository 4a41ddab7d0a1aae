import type { PortSpec, WorkloadSpec } from '../../model/spec';
import { propPath, type DockerScope } from './scope';
import type { Word } from './shell';

function hostNetworkPort(scope: DockerScope, path: string, port: PortSpec): void {
  const own = `${port.containerPort}/${port.protocol}`;
  const problem =
    port.publish === 'none'
      ? `with host networking, port ${own} is open on the host's own port ${port.containerPort}, not only to containers on a shared network.`
      : port.publish === 'dynamic'
        ? `with host networking, port ${own} is open on the host's own port ${port.containerPort}, not on a port Docker picks.`
        : port.hostPort !== port.containerPort
          ? `with host networking, port ${own} cannot be published on host port ${port.hostPort}: it is open on the host's port ${port.containerPort}.`
          : undefined;
  if (problem) scope.report('docker/host-network-port', path, problem, 'Leave host networking off to publish or hide ports.');
}

/**
 * The port flags of a workload's main container (sidecars share its network namespace and have none):
 * `-p P:C/proto` on a fixed host port, `-p C/proto` on one Docker picks, `--expose C/proto` when not published.
 */
export function portFlags(scope: DockerScope, workload: WorkloadSpec): Word[][] {
  const lines: Word[][] = [];
  const onInternalOnly =
    workload.networks.length > 0 &&
    workload.networks.every((name) => scope.spec.networks.find((n) => n.name === name)?.internal === true);
  workload.main.ports.forEach((port, i) => {
    const path = propPath(workload.path, `ports[${i}]`);
    const own = `${port.containerPort}/${port.protocol}`;
    if (workload.hostNetwork) return hostNetworkPort(scope, path, port);
    if (port.publish === 'none') return void lines.push(['--expose', own]);
    lines.push(['-p', port.publish === 'fixed' ? `${port.hostPort}:${own}` : own]);
    if (onInternalOnly) {
      scope.report(
        'docker/internal-network-port',
        path,
        `port ${own} is published, but every network of ${workload.name} is internal, so Docker cannot forward the host's traffic to it.`,
        'Add a network that is not internal to the workload, or do not publish the port.',
      );
    }
    if (port.publish === 'fixed' && workload.kind === 'service' && workload.replicas > 1) {
      scope.report(
        'docker/fixed-port-replicas',
        path,
        `${workload.replicas} containers of ${workload.name} cannot all bind host port ${port.hostPort}: the second \`docker run\` would fail.`,
        'Publish on a dynamic host port (Port.tcp(80).publish()), or run one replica.',
      );
    }
  });
  return lines;
}
