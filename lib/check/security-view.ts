import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import type { ContainerSpec, SystemSpec, WorkloadSpec } from '../model/spec';
import { workloadsOf } from '../lint/containers';

/**
 * The security view of `lading check --security`: per workload and container, which requirements of the
 * restricted profile (the Kubernetes Pod Security Standard, in Docker's words) it meets on each target. A
 * requirement is met on a target when the model asks for it and the target carries it: a target's finding about
 * that prop (Swarm ignoring no-new-privileges, a user name Kubernetes cannot check) means it does not.
 */

/** The requirements, in the order a report lists them. */
export const SECURITY_REQUIREMENTS = [
  { id: 'nonRootUser', label: 'non-root numeric user', prop: 'security.user' },
  { id: 'readOnlyRootFilesystem', label: 'read-only root file system', prop: 'security.readOnlyRootFilesystem' },
  { id: 'capabilitiesDropped', label: 'all capabilities dropped', prop: 'security.capabilities' },
  { id: 'noNewPrivileges', label: 'no new privileges', prop: 'security.noNewPrivileges' },
  { id: 'seccomp', label: 'default seccomp profile', prop: 'privileged' },
  { id: 'notPrivileged', label: 'not privileged', prop: 'privileged' },
  { id: 'noHostNetwork', label: 'no host network', prop: 'hostNetwork' },
  // every target's finding about hostPid (Swarm, Fargate) leaves it out: there the container keeps its own namespace
  { id: 'noHostPid', label: 'no host process namespace', prop: 'hostPid', metWhereLeftOut: true },
] as const;

export type SecurityRequirement = (typeof SECURITY_REQUIREMENTS)[number]['id'];

export interface SecurityCell {
  readonly met: boolean;
  /** Why it is not met, when it is not. */
  readonly reason?: string;
  /** The target's findings about the requirement's prop. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface RequirementReport {
  readonly requirement: SecurityRequirement;
  readonly label: string;
  /** One entry per target checked. */
  readonly targets: Readonly<Partial<Record<TargetName, SecurityCell>>>;
}

export interface ContainerSecurityReport {
  readonly container: string;
  /** `shop/web`, or `shop/web/log` for a sidecar. */
  readonly path: string;
  readonly requirements: readonly RequirementReport[];
}

export interface WorkloadSecurityReport {
  readonly name: string;
  readonly kind: 'service' | 'job';
  readonly path: string;
  /** Per target: true when every container meets every requirement there. */
  readonly restricted: Readonly<Partial<Record<TargetName, boolean>>>;
  readonly containers: readonly ContainerSecurityReport[];
}

/** What the model says about one requirement of one container: undefined when met, else why not. */
function modelGap(r: SecurityRequirement, w: WorkloadSpec, c: ContainerSpec): string | undefined {
  const s = c.security;
  switch (r) {
    case 'nonRootUser':
      if (s.uid === undefined) return s.user === undefined ? 'no user: the image’s USER, root unless it says otherwise' : `user ${s.user} is not numeric`;
      return s.uid === 0 ? 'runs as uid 0 (root)' : undefined;
    case 'readOnlyRootFilesystem':
      return s.readOnlyRootFilesystem ? undefined : 'the root file system is writable';
    case 'capabilitiesDropped': {
      if (!s.capabilities.drop.includes('ALL')) return 'Docker’s default capabilities are kept: nothing drops ALL';
      const extra = s.capabilities.add.filter((n) => n !== 'NET_BIND_SERVICE');
      return extra.length > 0 ? `adds ${extra.join(', ')} (only NET_BIND_SERVICE is allowed)` : undefined;
    }
    case 'noNewPrivileges':
      return s.noNewPrivileges ? undefined : 'setuid programs may gain privileges';
    case 'seccomp':
      return c.privileged ? 'privileged: no seccomp profile' : undefined;
    case 'notPrivileged':
      return c.privileged ? 'runs privileged' : undefined;
    case 'noHostNetwork':
      return w.hostNetwork ? 'uses the host’s network' : undefined;
    case 'noHostPid':
      return w.hostPid ? 'shares the host’s process namespace' : undefined;
  }
}

function containerReport(w: WorkloadSpec, c: ContainerSpec, targets: readonly TargetName[], byTarget: Partial<Record<TargetName, readonly Diagnostic[]>>): ContainerSecurityReport {
  const requirements = SECURITY_REQUIREMENTS.map((requirement) => {
    const { id, label, prop } = requirement;
    const leftOutMeets = 'metWhereLeftOut' in requirement && requirement.metWhereLeftOut;
    const gap = modelGap(id, w, c);
    const where = id === 'noHostNetwork' || id === 'noHostPid' ? `${w.path} ${prop}` : `${c.path} ${prop}`;
    const cells: Partial<Record<TargetName, SecurityCell>> = {};
    for (const t of targets) {
      const diagnostics = (byTarget[t] ?? []).filter((d) => d.path === where || d.path.startsWith(`${where}.`));
      const lost = diagnostics[0]?.message;
      const reason = leftOutMeets && diagnostics.length > 0 ? undefined : (gap ?? lost);
      cells[t] = { met: reason === undefined, ...(reason !== undefined ? { reason } : {}), diagnostics };
    }
    return { requirement: id, label, targets: cells };
  });
  return { container: c.name, path: c.path, requirements };
}

/** The security view of one app, from its spec and the targets' kept diagnostics. */
export function securityView(spec: SystemSpec, targets: readonly TargetName[], byTarget: Partial<Record<TargetName, readonly Diagnostic[]>>): WorkloadSecurityReport[] {
  return workloadsOf(spec).map((w) => {
    const containers = [w.main, ...w.sidecars].map((c) => containerReport(w, c, targets, byTarget));
    const restricted: Partial<Record<TargetName, boolean>> = {};
    for (const t of targets) restricted[t] = containers.every((c) => c.requirements.every((r) => r.targets[t]?.met === true));
    return { name: w.name, kind: w.kind, path: w.path, restricted, containers };
  });
}
