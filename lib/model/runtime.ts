import { resolveAliases } from './aliases';
import { resolveContainerName } from './container-name';
import { ModelError } from './errors';
import { resolveHostname } from './hostname';
import type { PropKeys } from './known-props';
import { resolvePlacement, type PlacementProps } from './placement';
import { resolvePlatform, type Platform } from './platform';
import type { WorkloadSpec } from './spec';
import { resolveStop, type StopProps } from './stop';
import { resolveServiceLabels } from './service-labels';
import { resolveSysctls } from './sysctls';
import { resolveExtraHosts } from './extra-hosts';
import { resolveUlimits } from './ulimits';
import { resolveDevices } from './devices';
import { resolveGpus, type GpuProps } from './gpus';
import { resolveDns, type DnsProps } from './dns';

/**
 * How a workload's container runs on its host (its name, host name, stop, platform, terminal, kernel parameters, extra
 * hosts, resource limits, devices, process namespace, resolver), and
 * the labels of the service object that runs it.
 */
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
   * Which nodes run the workload and how its replicas spread over them (Swarm `deploy.placement`; Kubernetes node
   * affinity and topology spread, ECS placement constraints and strategies on EC2). Compose and docker run on one
   * host and apply none of it.
   * @default - any node
   */
  readonly placement?: PlacementProps;
  /**
   * Keep a terminal (`docker run -t`, Compose `tty`; Kubernetes `tty`, ECS `pseudoTerminal`).
   * @default false
   */
  readonly tty?: boolean;
  /**
   * Run an init process as PID 1 that forwards signals to the command and reaps zombie processes (`docker run
   * --init`, Compose `init`; ECS `initProcessEnabled`). Kubernetes has no init option: the pod shares one process
   * namespace (`shareProcessNamespace`), whose first process, the pause container, reaps zombies, so the command is
   * not PID 1 and stops on SIGTERM even without a handler for it.
   * @default false
   */
  readonly init?: boolean;
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
  /**
   * Extra lines of the container's `/etc/hosts`, host name -> IP address, or `'host-gateway'` for the host the
   * container runs on (`--add-host`, Compose `extra_hosts`; Kubernetes pod `hostAliases`, ECS `extraHosts` in bridge
   * and host network modes). Kubernetes has no `host-gateway`, and an awsvpc task on ECS no extra hosts: there they
   * are left out, with a warning.
   * @default - none
   */
  readonly extraHosts?: Record<string, string>;
  /**
   * Resource limits of the main container (`--ulimit`, Compose `ulimits`): a number sets both limits, -1 is
   * unlimited: `{ nofile: 65536, memlock: { soft: -1, hard: -1 } }`. Compose, Swarm and docker set them; ECS too,
   * on Fargate only `nofile`. Kubernetes sets none: the node's defaults apply, with a warning.
   * @default - the runtime's defaults
   */
  readonly ulimits?: Record<string, number | { readonly soft: number; readonly hard: number }>;
  /**
   * Host devices given to the main container, as `docker run --device` writes them: `'/dev/dri'`,
   * `'/dev/net/tun:/dev/net/tun:rwm'` (Compose `devices`). Compose and docker pass them, ECS on EC2 too. Swarm,
   * Kubernetes (without a device plugin) and Fargate cannot: there they are left out, with a warning.
   * @default - none
   */
  readonly devices?: readonly string[];
  /**
   * NVIDIA GPUs given to the main container (`docker run --gpus`, Compose `gpus` or `deploy.resources.reservations.devices`
   * with `capabilities: [gpu]`): `{ count: 1 }`, `{ count: 'all' }`, `{ deviceIds: ['0'] }`. Compose and docker pass
   * them as given; Swarm reserves a count as the generic resource NVIDIA-GPU, which its nodes must advertise;
   * Kubernetes requests a count as `nvidia.com/gpu` (the NVIDIA device plugin must run); ECS gives a count on EC2
   * (`gpuCount`), and Fargate none (an error). Swarm, Kubernetes and ECS reserve a number only: `'all'` and device
   * ids are an error there. Sidecars take none.
   * @default - none
   */
  readonly gpus?: GpuProps;
  /**
   * Share the host's process namespace (`--pid host`, Compose `pid: host`), as a node exporter does to see every
   * process: Kubernetes `hostPID`, ECS `pidMode: host` on EC2. Swarm and Fargate cannot: there it is left out, with a
   * warning.
   * @default false
   */
  readonly hostPid?: boolean;
  /**
   * The container's resolver: DNS servers it asks instead of the network's, as a Pi-hole or a VPN needs, search
   * domains and resolver options (`--dns`, `--dns-search`, `--dns-option`; Compose `dns`, `dns_search`,
   * `dns_opt`). A list gives servers only: `dns: ['1.1.1.1']`; `dns: { servers, search, options }` gives any of
   * the three. Compose and docker set all three; Swarm servers and search domains (a stack file has no `dns_opt`:
   * a warning). Kubernetes adds servers and search domains after the cluster's (pod `dnsConfig`, with an info) and
   * sets the options. ECS sets servers and search domains in bridge and host modes only (a warning for an awsvpc
   * task), and has no resolver options (a warning).
   * @default - the network's DNS
   */
  readonly dns?: readonly string[] | DnsProps;
  /**
   * Labels of the service, not of its containers (`docker service create --label`, Compose `deploy.labels`): Swarm
   * and Compose `deploy.labels`, Kubernetes labels (annotations where not valid label syntax) of the
   * Deployment, Job or CronJob but not of its pods, ECS tags of the service (of the task definition and scheduled
   * rule for a job). `docker run` has no service object: the docker target sets them nowhere, with an info.
   * For labels every container carries, use `labels`.
   * @default - none
   */
  readonly serviceLabels?: Record<string, string>;
}

export const RUNTIME_PROP_KEYS: PropKeys<RuntimeProps> = { containerName: true, aliases: true, hostname: true, stop: true, platform: true, placement: true, tty: true, init: true, stdinOpen: true, sysctls: true, extraHosts: true, ulimits: true, devices: true, gpus: true, hostPid: true, dns: true, serviceLabels: true };

export type RuntimeSpec = Pick<WorkloadSpec, 'containerName' | 'aliases' | 'hostname' | 'stop' | 'platform' | 'placement' | 'tty' | 'init' | 'stdinOpen' | 'sysctls' | 'extraHosts' | 'ulimits' | 'devices' | 'gpus' | 'hostPid' | 'dns' | 'serviceLabels'>;

export function resolveRuntime(path: string, props: RuntimeProps, replicas: number): RuntimeSpec {
  const containerName = resolveContainerName(path, props.containerName, replicas);
  const aliases = resolveAliases(path, props.aliases);
  const hostname = resolveHostname(path, props.hostname);
  const stop = resolveStop(path, props.stop);
  const platform = resolvePlatform(path, props.platform);
  const placement = resolvePlacement(path, props.placement, platform);
  const tty = flag(path, 'tty', props.tty);
  const init = flag(path, 'init', props.init);
  const stdinOpen = flag(path, 'stdinOpen', props.stdinOpen);
  const sysctls = resolveSysctls(path, props.sysctls);
  const extraHosts = resolveExtraHosts(path, props.extraHosts);
  const ulimits = resolveUlimits(path, props.ulimits);
  const devices = resolveDevices(path, props.devices);
  const gpus = resolveGpus(path, props.gpus);
  const hostPid = flag(path, 'hostPid', props.hostPid);
  const dns = resolveDns(path, props.dns);
  const serviceLabels = resolveServiceLabels(path, props.serviceLabels);
  return {
    ...(tty ? { tty } : {}),
    ...(init ? { init } : {}),
    ...(stdinOpen ? { stdinOpen } : {}),
    ...(sysctls ? { sysctls } : {}),
    ...(extraHosts ? { extraHosts } : {}),
    ...(ulimits ? { ulimits } : {}),
    ...(devices ? { devices } : {}),
    ...(gpus ? { gpus } : {}),
    ...(hostPid ? { hostPid } : {}),
    ...(dns ? { dns } : {}),
    ...(serviceLabels ? { serviceLabels } : {}),
    ...(containerName !== undefined ? { containerName } : {}),
    ...(aliases !== undefined ? { aliases } : {}),
    ...(hostname !== undefined ? { hostname } : {}),
    ...(stop !== undefined ? { stop } : {}),
    ...(platform !== undefined ? { platform } : {}),
    ...(placement !== undefined ? { placement } : {}),
  };
}

function flag(path: string, prop: string, value: unknown): true | undefined {
  if (value === undefined || value === false) return undefined;
  if (value !== true) throw new ModelError(path, prop, 'must be true or false', value, `Write ${prop}: true or leave it out`);
  return true;
}
