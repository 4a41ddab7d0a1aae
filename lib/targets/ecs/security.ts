import type { ContainerSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { EC2_FIX } from './launch-type';
import type { LinuxParameters } from './linux-parameters';

/** A privileged container: Fargate runs none; on EC2 it is kept, with a warning. */
export function checkPrivileged(spec: SystemSpec, c: ContainerSpec, d: EcsReporter): void {
  if (!c.privileged) return;
  if (spec.options.ecs.launchType === 'fargate') {
    d.report('ecs/privileged-fargate', `${c.path} privileged`, 'privileged containers need the EC2 launch type: Fargate runs none', `${EC2_FIX}, or drop privileged.`);
  } else {
    d.report('ecs/privileged', `${c.path} privileged`, 'kept: the container has full access to the container instance');
  }
}

/** The capabilities Docker (and so Fargate) gives a container by default. */
const DOCKER_DEFAULT = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'NET_RAW', 'SETFCAP',
  'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];

/**
 * The capabilities as ECS gets them. On Fargate, which adds none but SYS_PTRACE, "drop ALL, add some of Docker's
 * defaults" is written as the same set the other way round: drop every default capability but those.
 */
function ecsCapabilities(spec: SystemSpec, c: ContainerSpec): { readonly add: readonly string[]; readonly drop: readonly string[] } {
  const { add, drop } = c.security.capabilities;
  if (spec.options.ecs.launchType !== 'fargate' || !drop.includes('ALL')) return { add, drop };
  const regranted = add.filter((n) => DOCKER_DEFAULT.includes(n));
  if (regranted.length === 0 || add.some((n) => n !== 'SYS_PTRACE' && !DOCKER_DEFAULT.includes(n))) return { add, drop };
  return { add: add.filter((n) => n === 'SYS_PTRACE'), drop: DOCKER_DEFAULT.filter((n) => !regranted.includes(n)) };
}

/** Linux capabilities that ECS's task definitions do not know (KernelCapabilities). */
const UNKNOWN_TO_ECS = new Set(['AUDIT_READ', 'BPF', 'CHECKPOINT_RESTORE', 'PERFMON']);

/**
 * Added and dropped capabilities ECS can carry: on Fargate only SYS_PTRACE may be added (beyond Docker's defaults
 * given back after dropping ALL, which ecsCapabilities turns round), and a capability ECS does
 * not know cannot be named at all. Each refusal is an error at `security.capabilities`.
 */
export function checkCapabilities(spec: SystemSpec, c: ContainerSpec, d: EcsReporter): void {
  const { add, drop } = c.security.capabilities;
  const written = ecsCapabilities(spec, c);
  for (const [list, names] of [['add', add], ['drop', drop]] as const) {
    const unknown = names.filter((n) => UNKNOWN_TO_ECS.has(n));
    if (unknown.length > 0) {
      d.report(
        'ecs/capability-unknown',
        `${c.path} security.capabilities.${list}`,
        `ECS task definitions do not know the capabilities ${unknown.join(', ')} (got ${JSON.stringify(names)})`,
        `Leave ${unknown.join(', ')} out of capabilities.${list} for ECS, or grant a broader capability ECS knows (SYS_ADMIN covers BPF and PERFMON).`,
      );
    }
  }
  if (spec.options.ecs.launchType !== 'fargate') return;
  const refused = written.add.filter((n) => n !== 'SYS_PTRACE' && !UNKNOWN_TO_ECS.has(n));
  if (refused.length > 0) {
    d.report(
      'ecs/capability-fargate',
      `${c.path} security.capabilities.add`,
      `Fargate adds no capability but SYS_PTRACE (got ${JSON.stringify(add)})`,
      `${EC2_FIX}, or leave ${refused.join(', ')} out of capabilities.add.`,
    );
  }
}

/** Adds `security.capabilities` to a container's linuxParameters (created when it has none yet). */
export function addCapabilities(spec: SystemSpec, c: ContainerSpec, parameters: () => LinuxParameters): void {
  const { add, drop } = ecsCapabilities(spec, c);
  if (add.length === 0 && drop.length === 0) return;
  const p = parameters();
  p.add.push(...add);
  p.drop.push(...drop);
}
