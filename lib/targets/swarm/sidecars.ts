import type { SidecarSpec, WorkloadSpec } from '../../model/spec';
import { sidecarServiceName } from '../docker-engine/services';
import { compact, type StackMap } from './document';
import { containerKeys } from './container';
import { deployKey } from './deploy';
import { networksKey } from './networks';
import { withPlacement } from './runtime';
import type { SwarmScope } from './scope';

/**
 * Swarm has no pods: a sidecar becomes its own service, on the main service's networks, with as many replicas,
 * and with the main container's mounts where it asks for them. It does not share the main container's network
 * namespace (127.0.0.1 is its own), and Swarm may place it on another node; both are said.
 */
export function sidecarService(scope: SwarmScope, workload: WorkloadSpec, sidecar: SidecarSpec): StackMap {
  const name = sidecarServiceName(workload, sidecar);
  scope.reporter.report(
    'swarm/sidecar',
    sidecar.path,
    `Swarm has no pods: ${sidecar.name} becomes the service ${name}, which does not share the network namespace of ${workload.name} (127.0.0.1 is its own) and may run on another node.`,
    `Reach ${workload.name} by its name rather than 127.0.0.1, or render this system on a target that runs the containers together (Kubernetes, ECS).`,
  );
  return compact({
    ...containerKeys(scope, sidecar, workload.main),
    networks: networksKey(scope.spec, workload),
    deploy: withPlacement(deployKey(scope, workload, sidecar), workload),
  });
}
