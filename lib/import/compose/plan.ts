import type { ExistingSecretName } from '../../model/secret-names';
import type { PlacementConstraintSpec } from '../../model/spec';

/**
 * What an imported Compose file says, in the words of the model's public API: which constructs to create and
 * with which props. One plan is built into a System (build-system.ts) and written as TypeScript
 * (lib/import/typescript), so both say the same thing.
 */
export interface ImportPlan {
  /** The System's name. */
  readonly name: string;
  /** Set when the file uses Compose `secrets`. */
  readonly composeSecrets?: 'files';
  /**
   * Set when an environment value reads a secret from the deploying host: on Swarm too it stays a variable that
   * `docker stack deploy` interpolates, as the file passes it.
   */
  readonly swarmSecrets?: 'env';
  /** Set when a workload needs a Docker host of its own on ECS: bind mounts, privileged, host networking. */
  readonly ecsLaunchType?: 'ec2';
  readonly networks: readonly NetworkPlan[];
  readonly volumes: readonly VolumePlan[];
  readonly secrets: readonly SecretPlan[];
  /** Project files and small folders bound into containers, as config files. */
  readonly configFiles?: readonly ConfigFilePlan[];
  /** In an order where every dependency comes before its dependants. */
  readonly workloads: readonly WorkloadPlan[];
}

export interface NetworkPlan {
  readonly id: string;
  readonly internal: boolean;
  /** The Docker network's name the file gives it (`name:`). */
  readonly dockerName?: string;
}

export interface VolumePlan {
  readonly id: string;
  /** The Docker volume Compose created for it, where the Docker-engine targets would name it otherwise. */
  readonly dockerName?: string;
  /** The project folder it lives in on a single host, as the file binds it: `./docker-data/mail`. */
  readonly hostPath?: string;
}

export interface SecretPlan {
  readonly id: string;
  /** Set when it differs from the model's default (the id in upper case, `-` as `_`). */
  readonly envName?: string;
  /** The name the secret has in the targets' stores: one, or one per target. */
  readonly existingName?: ExistingSecretName;
  /** The project file that holds the value, relative to the project root, POSIX, without `./`. */
  readonly file?: string;
}

export interface ConfigFilePlan {
  readonly id: string;
  /** The file or folder, relative to the project root, POSIX, without `./`; or else `content`. */
  readonly file?: string;
  /** The text of the file, when the Compose file writes it inline. */
  readonly content?: string;
}

export type ImagePlan =
  | { readonly kind: 'registry'; readonly ref: string }
  | { readonly kind: 'build'; readonly context: string; readonly dockerfile?: string; readonly args?: Readonly<Record<string, string>>; readonly target?: string; readonly tag: string };

export interface PortPlan {
  readonly containerPort: number;
  readonly protocol: 'tcp' | 'udp';
  readonly http: boolean;
  /** undefined: not published; 'dynamic': a host port Docker picks; a number: that host port. */
  readonly publish?: number | 'dynamic';
  /** Published only: the host address it is bound to (`127.0.0.1`); undefined binds every address. */
  readonly hostIp?: string;
}

export type MountPlan =
  | { readonly kind: 'volume'; readonly volume: string; readonly target: string; readonly readOnly: boolean }
  | ({ readonly kind: 'ephemeral'; readonly target: string; readonly tmpfs: boolean; readonly sizeLimit?: string; readonly readOnly: boolean } & Readonly<TmpfsOwnershipPlan>)
  | { readonly kind: 'bind'; readonly source: string; readonly target: string; readonly readOnly: boolean; readonly inImage?: true }
  | { readonly kind: 'config'; readonly configFile: string; readonly target: string; readonly readOnly: true; readonly mode?: number }
  | { readonly kind: 'secret'; readonly secret: string; readonly target: string; readonly readOnly: true; readonly mode?: number };

/** `mode`, `uid` and `gid` of a tmpfs mount; filled in while its options are read. */
export interface TmpfsOwnershipPlan {
  mode?: number;
  uid?: number;
  gid?: number;
}

/** The model's `security` prop, as the file says it. */
export interface SecurityPlan {
  readonly user?: string;
  readonly readOnlyRootFilesystem?: boolean;
  readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
  readonly noNewPrivileges?: boolean;
  readonly groups?: readonly string[];
}

export interface HealthOptionsPlan {
  readonly interval?: string;
  readonly timeout?: string;
  readonly retries?: number;
  readonly startPeriod?: string;
  readonly startInterval?: string;
}

export type HealthPlan = (
  | { readonly kind: 'command'; readonly command: readonly string[] }
  | { readonly kind: 'shell'; readonly commandLine: string }
  | { readonly kind: 'http'; readonly path: string; readonly port: number }
  | { readonly kind: 'tcp'; readonly port: number }
) & { readonly options: HealthOptionsPlan };

export interface ResourcesPlan {
  readonly memory?: string;
  readonly memoryReservation?: string;
  readonly cpuShares?: number;
  readonly cpus?: number | string;
  /** `pids_limit` or `deploy.resources.limits.pids`, when above 0. */
  readonly pids?: number;
}

export interface LoggingPlan {
  readonly maxSize: string;
  readonly maxFiles?: number;
}

export interface ContainerPlan {
  readonly image: ImagePlan;
  readonly command?: readonly string[];
  readonly entrypoint?: readonly string[];
  readonly workingDir?: string;
  readonly security?: SecurityPlan;
  readonly env: Readonly<Record<string, string>>;
  /** Environment variable -> secret id. */
  readonly secretEnv: Readonly<Record<string, string>>;
  readonly resources: ResourcesPlan;
  readonly mounts: readonly MountPlan[];
  readonly health?: HealthPlan;
  readonly labels: Readonly<Record<string, string>>;
  readonly logging?: LoggingPlan;
  readonly privileged: boolean;
}

export interface DependencyPlan {
  readonly target: string;
  readonly condition: 'started' | 'healthy' | 'completed';
}

export interface SidecarPlan {
  readonly id: string;
  readonly container: ContainerPlan;
  readonly volumesFrom: boolean;
  /** Where the service is written in the file, for errors the model finds. */
  readonly source: SourceRef;
}

export interface SourceRef {
  readonly keyPath: string;
  readonly line: number;
}

export interface WorkloadPlan {
  readonly kind: 'service' | 'job';
  readonly id: string;
  readonly container: ContainerPlan;
  readonly ports: readonly PortPlan[];
  /** Network ids; empty means the system's default network. */
  readonly networks: readonly string[];
  readonly hostNetwork: boolean;
  readonly dependsOn: readonly DependencyPlan[];
  /** Services: `always` or `unless-stopped`; jobs: `no`, `on-failure` or `on-failure:N`. */
  readonly restart: string;
  /** Services only. */
  readonly replicas: number;
  /** Services only: one copy on every node (`deploy.mode: global`). */
  readonly global?: true;
  readonly sidecars: readonly SidecarPlan[];
  readonly runtime: RuntimePlan;
  /** `deploy.placement`, where the file sets some rule the model holds. */
  readonly placement?: PlacementPlan;
  readonly source: SourceRef;
}

/** Which nodes run the workload: the model's rules, the node labels to spread over, the cap per node. */
export interface PlacementPlan {
  readonly constraints: readonly PlacementConstraintSpec[];
  readonly spread: readonly string[];
  readonly maxReplicasPerNode?: number;
}

/** NVIDIA GPUs, as the model's `gpus` holds them: a count (or all) or device ids, and capabilities beyond `gpu`. */
export interface GpuPlan {
  readonly count?: number | 'all';
  readonly deviceIds?: readonly string[];
  readonly capabilities?: readonly string[];
}

/** How the workload's container runs on its host; each key only where the file sets it. */
export interface RuntimePlan {
  readonly containerName?: string;
  /** Network aliases and link aliases the model can carry. */
  readonly aliases?: readonly string[];
  readonly hostname?: string;
  readonly stop?: { readonly signal?: string; readonly gracePeriod?: string };
  readonly platform?: 'linux/amd64' | 'linux/arm64';
  readonly tty?: boolean;
  readonly init?: boolean;
  readonly stdinOpen?: boolean;
  readonly sysctls?: Readonly<Record<string, string>>;
  /** `extra_hosts`: host name -> address or `host-gateway`. */
  readonly extraHosts?: Readonly<Record<string, string>>;
  /** `ulimits`: a number for both limits, or `{ soft, hard }`. */
  readonly ulimits?: Readonly<Record<string, number | { readonly soft: number; readonly hard: number }>>;
  /** `devices`, in `docker run --device` notation. */
  readonly devices?: readonly string[];
  /** `gpus`, or the GPU request of `deploy.resources.reservations.devices`. */
  readonly gpus?: GpuPlan;
  /** `pid: host`. */
  readonly hostPid?: true;
  /** `dns`: the servers' addresses. */
  readonly dns?: readonly string[];
  /** `dns_search`: domains to search, in lower case. */
  readonly dnsSearch?: readonly string[];
  /** `dns_opt`: resolver options, `ndots:2`. */
  readonly dnsOptions?: readonly string[];
  /** `deploy.labels`: labels of the service, not of its containers. */
  readonly serviceLabels?: Readonly<Record<string, string>>;
}
