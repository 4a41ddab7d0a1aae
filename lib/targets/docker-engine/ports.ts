import type { NetworkSpec, PortSpec, WorkloadSpec } from '../../model/spec';

/**
 * What the Docker engine does with a workload's ports, shared by the targets that hand a container to it
 * (Compose and the `docker run` script). Not a target: it decides, the targets format (Compose's `ports`/`expose`
 * strings or `-p`/`--expose` flags) and report with their own codes.
 */

/** A port that host networking cannot honour: its container port is the host's own, whatever it asked for. */
export interface HostNetworkPortProblem {
  readonly kind: 'host-network-port';
  /** `C/proto`. */
  readonly own: string;
  readonly containerPort: number;
  /** What the port asked for: hidden (`none`), a host port Docker picks (`dynamic`), or another fixed host port. */
  readonly publish: PortSpec['publish'];
  /** Set when publish is `fixed`. */
  readonly hostPort?: number;
}

/** A published port of a workload whose every network is internal: the host's traffic cannot reach it. */
export interface InternalNetworkPortProblem {
  readonly kind: 'internal-network-port';
  /** `C/proto`. */
  readonly own: string;
  readonly workload: string;
}

/** A fixed host port on a service of more than one replica: only one container can bind it on a host. */
export interface FixedPortReplicasProblem {
  readonly kind: 'fixed-port-replicas';
  readonly workload: string;
  readonly replicas: number;
  readonly hostPort: number;
}

export type PortProblem = HostNetworkPortProblem | InternalNetworkPortProblem | FixedPortReplicasProblem;

/** The plan for one port of a workload's main container. */
export interface PortPlan {
  /** The port's index in the main container's `ports` (for the diagnostic path `ports[i]`). */
  readonly index: number;
  /** Published: `P:C/proto` on a fixed host port, `C/proto` on one Docker picks. */
  readonly publish?: string;
  /** Not published, reachable by name from a shared network: `C/proto`. */
  readonly expose?: string;
  /** In the order a target reports them. With host networking the port is neither published nor exposed. */
  readonly problems: readonly PortProblem[];
}

function hostNetworkProblem(port: PortSpec, own: string): HostNetworkPortProblem | undefined {
  if (port.publish === 'fixed' && port.hostPort === port.containerPort) return undefined;
  return {
    kind: 'host-network-port',
    own,
    containerPort: port.containerPort,
    publish: port.publish,
    ...(port.hostPort !== undefined ? { hostPort: port.hostPort } : {}),
  };
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
    if (workload.hostNetwork) {
      const problem = hostNetworkProblem(port, own);
      return { index, problems: problem ? [problem] : [] };
    }
    if (port.publish === 'none') return { index, expose: own, problems: [] };
    const problems: PortProblem[] = [];
    if (onInternalOnly) problems.push({ kind: 'internal-network-port', own, workload: workload.name });
    if (port.publish === 'fixed' && workload.kind === 'service' && workload.replicas > 1) {
      problems.push({ kind: 'fixed-port-replicas', workload: workload.name, replicas: workload.replicas, hostPort: port.hostPort! });
    }
    return { index, publish: port.publish === 'fixed' ? `${port.hostPort}:${own}` : own, problems };
  });
}

/** A diagnostic's words, in the order a target's `report` takes them. */
export type PortProblemText = readonly [message: string, fix: string];

/**
 * The words for a problem the engine has the same way under either target. `peers` names what shares a network
 * with the workload in the target's own terms (`services` in Compose, `containers` for `docker run`).
 */
export function hostNetworkPortText(problem: HostNetworkPortProblem, peers: string): PortProblemText {
  const { own, containerPort } = problem;
  const message =
    problem.publish === 'none'
      ? `with host networking, port ${own} is open on the host's own port ${containerPort}, not only to ${peers} on a shared network.`
      : problem.publish === 'dynamic'
        ? `with host networking, port ${own} is open on the host's own port ${containerPort}, not on a port Docker picks.`
        : `with host networking, port ${own} cannot be published on host port ${problem.hostPort}: it is open on the host's port ${containerPort}.`;
  return [message, 'Leave host networking off to publish or hide ports.'];
}

export function internalNetworkPortText(problem: InternalNetworkPortProblem): PortProblemText {
  return [
    `port ${problem.own} is published, but every network of ${problem.workload} is internal, so Docker cannot forward the host's traffic to it.`,
    'Add a network that is not internal to the workload, or do not publish the port.',
  ];
}

/** Host networking itself, the same under either target. */
export function hostNetworkText(workload: WorkloadSpec): PortProblemText {
  return [
    `${workload.name} shares the host's network stack: every port it opens is open on the host, and it joins no network.`,
    'Leave host networking off unless the workload needs it; publish ports instead.',
  ];
}
