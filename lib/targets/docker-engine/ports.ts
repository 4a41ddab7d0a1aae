import type { NetworkSpec, WorkloadSpec } from '../../model/spec';
import type { FindingText } from './finding-text';
import { hostIpPrefix, type SourceCidrsProblem } from './port-sources';

/**
 * What the Docker engine does with a workload's ports, shared by the targets that hand a container to it
 * (Compose and the `docker run` script). Not a target: it decides, the targets format (Compose's `ports`/`expose`
 * strings or `-p`/`--expose` flags) and report with their own codes. A workload on the host network has no ports:
 * the model refuses them.
 */

/** A published port of a workload whose every network is internal: the host's traffic cannot reach it. */
interface InternalNetworkPortProblem {
  readonly kind: 'internal-network-port';
  /** `C/proto`. */
  readonly own: string;
  readonly workload: string;
}

/** A fixed host port on a service of more than one replica: only one container can bind it on a host. */
interface FixedPortReplicasProblem {
  readonly kind: 'fixed-port-replicas';
  readonly workload: string;
  readonly replicas: number;
  readonly hostPort: number;
  /** The port as the model writes it, for the fix: `Port.tcp(2379)`. */
  readonly port: string;
}

export type PortProblem = InternalNetworkPortProblem | FixedPortReplicasProblem | SourceCidrsProblem;

/** The plan for one port of a workload's main container. */
export interface PortPlan {
  /** The port's index in the main container's `ports` (for the diagnostic path `ports[i]`). */
  readonly index: number;
  /** Published: `P:C/proto` on a fixed host port, `C/proto` on one Docker picks, after `IP:` when bound to one address. */
  readonly publish?: string;
  /** Not published, reachable by name from a shared network: `C/proto`. */
  readonly expose?: string;
  /** In the order a target reports them. */
  readonly problems: readonly PortProblem[];
}

/**
 * One plan per port of the workload's main container (sidecars share its network namespace and have none).
 * `networks` is the spec's list of networks, where a workload's network names are looked up.
 */
export function planPorts(workload: WorkloadSpec, networks: readonly NetworkSpec[]): PortPlan[] {
  const internal = new Set(networks.filter((n) => n.internal).map((n) => n.name));
  const onInternalOnly = workload.networks.length > 0 && workload.networks.every((name) => internal.has(name));
  return workload.main.ports.map((port, index): PortPlan => {
    const own = `${port.containerPort}/${port.protocol}`;
    if (port.publish === 'none') return { index, expose: own, problems: [] };
    const problems: PortProblem[] = [];
    if (onInternalOnly) problems.push({ kind: 'internal-network-port', own, workload: workload.name });
    if (port.publish === 'fixed' && workload.kind === 'service' && workload.replicas > 1) {
      problems.push({ kind: 'fixed-port-replicas', workload: workload.name, replicas: workload.replicas, hostPort: port.hostPort!, port: `Port.${port.appProtocol === 'http' ? 'http' : port.protocol}(${port.containerPort})` });
    }
    if (port.from !== undefined) problems.push({ kind: 'source-cidrs', own, from: port.from });
    const bind = hostIpPrefix(port);
    return { index, publish: port.publish === 'fixed' ? `${bind}${port.hostPort}:${own}` : bind ? `${bind}:${own}` : own, problems };
  });
}

/** The words for a published port Docker cannot forward to, the same under either target. */
export function internalNetworkPortText(problem: InternalNetworkPortProblem): FindingText {
  return [
    `port ${problem.own} is published, but every network of ${problem.workload} is internal, so Docker cannot forward the host's traffic to it.`,
    'Add a network that is not internal to the workload, or do not publish the port.',
  ];
}
