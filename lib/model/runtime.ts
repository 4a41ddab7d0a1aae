import { resolveAliases } from './aliases';
import { resolveContainerName } from './container-name';
import { ModelError } from './errors';
import { resolveHostname } from './hostname';
import type { PropKeys } from './known-props';
import { resolvePlatform, type Platform } from './platform';
import type { WorkloadSpec } from './spec';
import { resolveStop, type StopProps } from './stop';
import { resolveSysctls } from './sysctls';

/** How a workload's container runs on its host: its name, host name, stop and platform. */
export interface RuntimeProps {
  /**
   * The fixed name of the one container (`docker run --name`, Compose `container_name`); other workloads on its
   * networks reach it by that name too (a network alias on Swarm, a Service of that name on Kubernetes, a Service
   * Connect alias on ECS). Only with 1 replica.
   * @default - the target's own name for the container
   */
  readonly containerName?: string;
  /**
   * Extra names other workloads on its networks reach it by, as they reach it by its own name (Compose network
   * `aliases` on each of its networks, and a link's alias; `--network-alias` on docker; a network alias on Swarm;
   * a ClusterIP Service of each name on Kubernetes; a Service Connect alias on ECS). Each a DNS label that no
   * other workload, container name or alias of the system carries. A workload without ports has no Service on
   * Kubernetes or ECS, so there no name reaches it, its own included.
   * @default - none
   */
  readonly aliases?: readonly string[];
  /**
   * The host name the container sees as its own (`docker run --hostname`, the pod's hostname on Kubernetes).
   * @default - the container's id (Docker) or the pod's name (Kubernetes)
   */
  readonly hostname?: string;
  /**
   * The stop signal and grace period (`--stop-signal`, `--stop-timeout`; Kubernetes
   * terminationGracePeriodSeconds, ECS stopTimeout).
   * @default - the image's stop signal and the platform's grace period
   */
  readonly stop?: StopProps;
  /**
   * The platform the workload runs on (`--platform`; Kubernetes node selector on kubernetes.io/arch, ECS
   * runtimePlatform).
   * @default - whatever the host or node is
   */
  readonly platform?: Platform;
  /**
   * Keep a terminal (`docker run -t`, Compose `tty`; Kubernetes `tty`, ECS `pseudoTerminal`).
   * @default false
   */
  readonly tty?: boolean;
  /**
   * Keep stdin open (`docker run -i`, Compose `stdin_open`; Kubernetes `stdin`, ECS `interactive`).
   * @default false
   */
  readonly stdinOpen?: boolean;
  /**
   * Kernel parameters of the container's namespaces (`--sysctl`, Compose `sysctls`; Kubernetes pod
   * `securityContext.sysctls`, ECS `systemControls`): `{ 'net.core.somaxconn': '1024' }`.
   * @default - none
   */
  readonly sysctls?: Record<string, string>;
}

export const RUNTIME_PROP_KEYS: PropKeys<RuntimeProps> = { containerName: true, aliases: true, hostname: true, stop: true, platform: true, tty: true, stdinOpen: true, sysctls: true };

export type RuntimeSpec = Pick<WorkloadSpec, 'containerName' | 'aliases' | 'hostname' | 'stop' | 'platform' | 'tty' | 'stdinOpen' | 'sysctls'>;

export function resolveRuntime(path: string, props: RuntimeProps, replicas: number): RuntimeSpec {
  const containerName = resolveContainerName(path, props.containerName, replicas);
  const aliases = resolveAliases(path, props.aliases);
  const hostname = resolveHostname(path, props.hostname);
  const stop = resolveStop(path, props.stop);
  const platform = resolvePlatform(path, props.platform);
  const tty = flag(path, 'tty', props.tty);
  const stdinOpen = flag(path, 'stdinOpen', props.stdinOpen);
  const sysctls = resolveSysctls(path, props.sysctls);
  return {
    ...(tty ? { tty } : {}),
    ...(stdinOpen ? { stdinOpen } : {}),
    ...(sysctls ? { sysctls } : {}),
    ...(containerName !== undefined ? { containerName } : {}),
    ...(aliases !== undefined ? { aliases } : {}),
    ...(hostname !== undefined ? { hostname } : {}),
    ...(stop !== undefined ? { stop } : {}),
    ...(platform !== undefined ? { platform } : {}),
  };
}

function flag(path: string, prop: string, value: unknown): true | undefined {
  if (value === undefined || value === false) return undefined;
  if (value !== true) throw new ModelError(path, prop, 'must be true or false', value, `Write ${prop}: true or leave it out`);
  return true;
}
