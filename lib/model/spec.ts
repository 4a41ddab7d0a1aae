/**
 * The target-neutral specification of a System: plain, frozen data with every default resolved.
 *
 * This is the only thing a target reads. It names no Kubernetes, AWS or Compose type. Quantities are
 * kept in base units (bytes, millicores, seconds); lists whose order has no meaning are sorted by name.
 */

import type { ConfigFileSpec, FileMountSpec } from './config-file-spec';

export type { ConfigFileEntrySpec, ConfigFileSpec, FileMountSpec } from './config-file-spec';

/** The root of one deployable system. */
export interface SystemSpec {
  /** DNS-1123 label: lowercase letters, digits and '-'. */
  readonly name: string;
  /** Long-running services, sorted by name. */
  readonly services: readonly ServiceSpec[];
  /** One-shot jobs, sorted by name. */
  readonly jobs: readonly JobSpec[];
  /**
   * Every declared network (members may be empty), and the implicit `default` network when at least one workload
   * joins it, sorted by name.
   */
  readonly networks: readonly NetworkSpec[];
  /** Persistent named volumes, sorted by name. */
  readonly volumes: readonly VolumeSpec[];
  /** Secret references, sorted by name. No value is ever held. */
  readonly secrets: readonly SecretSpec[];
  /** Config files with their bytes, sorted by name. */
  readonly configFiles: readonly ConfigFileSpec[];
  /** Per-target choices, defaults resolved. */
  readonly options: TargetOptionsSpec;
}

export interface NetworkSpec {
  readonly name: string;
  readonly path: string;
  /** No traffic leaves the network (Docker's `--internal`). */
  readonly internal: boolean;
  /** The name of the Docker network on the Docker-engine targets, where it is not the one they would give it. */
  readonly dockerName?: string;
  /** True for the implicit network of workloads that name none. */
  readonly isDefault: boolean;
  /** Names of the workloads (services and jobs) on this network, sorted. */
  readonly members: readonly string[];
}

export interface VolumeSpec {
  readonly name: string;
  readonly path: string;
  /** Requested capacity in bytes. */
  readonly sizeBytes: number;
  /** Storage class (Kubernetes) where one is wanted; undefined means the cluster's default. */
  readonly storageClass?: string;
  /** The Docker volume's name on the Docker-engine targets, where it is not the one they would give it. */
  readonly dockerName?: string;
  /**
   * The project folder that holds the data on a single Docker host, relative to the project root, normalized,
   * starting with `./` or `../`: Compose and docker bind it; the other targets keep the data in their own volume.
   */
  readonly hostPath?: string;
  /** Names of the workloads that mount this volume, sorted. */
  readonly users: readonly string[];
}

export interface SecretSpec {
  readonly name: string;
  readonly path: string;
  /** The environment variable that carries the value at deploy time (Compose interpolation): `DB_PASSWORD`. */
  readonly envName: string;
  /**
   * The name of a secret that already exists in each target's secret store (Secrets Manager, a Kubernetes Secret,
   * a Swarm secret), per target. Undefined, or a target missing from it: that target creates one (with a
   * generated value where it can).
   */
  readonly existingName?: SecretStoreNamesSpec;
  /** The key inside a Kubernetes Secret that holds the value. */
  readonly key: string;
  /** The project file that holds the value, relative to the project root, POSIX: read at run time, never by lading. */
  readonly file?: string;
}

/** The name of an existing secret in each target's store, each valid there; a target without one is left out. */
export interface SecretStoreNamesSpec {
  readonly compose?: string;
  readonly docker?: string;
  readonly ecs?: string;
  /** Valid as a Kubernetes Secret name only when given for Kubernetes: a default may not be. */
  readonly kubernetes?: string;
  readonly swarm?: string;
}

export type ImageSpec = RegistryImageSpec | BuildImageSpec;

export interface RegistryImageSpec {
  readonly kind: 'registry';
  /** The full reference as written: `postgres:16.4`, `ghcr.io/org/app@sha256:...`. */
  readonly ref: string;
  /** Registry host and repository, without tag or digest: `postgres`, `ghcr.io/org/app`. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
  /** Name of the secret holding registry credentials. */
  readonly credentials?: string;
}

export interface BuildImageSpec {
  readonly kind: 'build';
  /** The tag the built image carries: `shop/devbox:dev`. */
  readonly ref: string;
  readonly repository: string;
  readonly tag?: string;
  /** Build context, relative to the project root (POSIX separators), e.g. `apps/devbox`. */
  readonly context: string;
  /** Dockerfile path relative to the context. */
  readonly dockerfile: string;
  /** Build arguments, sorted by name. */
  readonly args: Readonly<Record<string, string>>;
  /** The stage of a multi-stage Dockerfile to build; undefined builds the last stage. */
  readonly target?: string;
  readonly credentials?: string;
}

export type Protocol = 'tcp' | 'udp';

export interface PortSpec {
  readonly containerPort: number;
  readonly protocol: Protocol;
  /** `http` for ports that speak HTTP (ALB on ECS); undefined otherwise. */
  readonly appProtocol?: 'http';
  /** `none`: reachable by name only; `fixed`: on hostPort; `dynamic`: on a host port the platform picks. */
  readonly publish: 'none' | 'fixed' | 'dynamic';
  /** Set when and only when publish is `fixed`. */
  readonly hostPort?: number;
  /**
   * Published ports only: the host address the port is bound to, as written (`127.0.0.1`, `::1`, `192.168.1.10`);
   * undefined binds every address of the host (never `0.0.0.0` or `::`).
   */
  readonly hostIp?: string;
  /**
   * Set when and only when hostIp is: true when it is a loopback address (127.0.0.0/8, `::1`), so only the host
   * itself connects and no target may publish the port beyond the host.
   */
  readonly loopback?: boolean;
  /** Published ports only: the source CIDR blocks allowed to connect, valid, sorted and unique; undefined admits any. */
  readonly from?: readonly string[];
  /** A stable name: `tcp-5432`, `udp-1234`, or `http-80`. */
  readonly name: string;
  /** HTTP routes to this port from outside (`https://shop.example.com/api`); set only on http ports that have some. */
  readonly routes?: readonly RouteSpec[];
}

/** A host and path prefix that reaches one http port from outside, through the platform's ingress. */
export interface RouteSpec {
  readonly scheme: 'http' | 'https';
  /** Lowercase DNS name: `shop.example.com`. */
  readonly host: string;
  /** Path prefix, `/` for the whole host; no trailing slash otherwise: `/api`. */
  readonly path: string;
}

export interface ResourcesSpec {
  /** `--memory`: hard limit in bytes. */
  readonly memoryBytes?: number;
  /** `--memory-reservation`: soft reservation in bytes. */
  readonly memoryReservationBytes?: number;
  /** `--cpu-shares`: relative weight, 1024 = one CPU. */
  readonly cpuShares?: number;
  /** `--cpus`: hard quota in millicores (0.5 CPU = 500). */
  readonly cpuMillis?: number;
  /** `--pids-limit`: the most processes and threads. */
  readonly pidsLimit?: number;
}

export type MountSpec = VolumeMountSpec | EphemeralMountSpec | BindMountSpec;

export interface VolumeMountSpec {
  readonly kind: 'volume';
  /** The VolumeSpec name. */
  readonly volume: string;
  readonly target: string;
  readonly readOnly: boolean;
}

export interface EphemeralMountSpec {
  readonly kind: 'ephemeral';
  /** Stable name, unique within its workload: `cache`, `tmp`. */
  readonly name: string;
  readonly target: string;
  /** Backed by memory (tmpfs) rather than disk. */
  readonly tmpfs: boolean;
  /** Size limit in bytes, where one is set. */
  readonly sizeLimitBytes?: number;
  readonly readOnly: boolean;
  /** tmpfs only: permission bits of the mount point (`mode=1777`), e.g. 0o1777; undefined leaves the runtime's. */
  readonly mode?: number;
  /** tmpfs only: owner uid of the mount point; undefined leaves the runtime's (root). */
  readonly uid?: number;
  /** tmpfs only: owner gid of the mount point; undefined leaves the runtime's (root). */
  readonly gid?: number;
}

export interface BindMountSpec {
  readonly kind: 'bind';
  /** Host path as written: absolute, or relative to the project root (starting with `./` or `../`). */
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
  /** The container's image, built in the project, already carries these files at `target`. */
  readonly inImage: boolean;
}

export type HealthCheckSpec = CommandHealthCheckSpec | HttpHealthCheckSpec | TcpHealthCheckSpec;

export interface HealthTimingSpec {
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly retries: number;
  readonly startPeriodSeconds: number;
  /** Time between checks during the start period (`--health-start-interval`); set only when given. */
  readonly startIntervalSeconds?: number;
}

export interface CommandHealthCheckSpec extends HealthTimingSpec {
  readonly kind: 'command';
  /** Exec form when `shell` is false; a single shell string in command[0] when `shell` is true. */
  readonly command: readonly string[];
  readonly shell: boolean;
}

export interface HttpHealthCheckSpec extends HealthTimingSpec {
  readonly kind: 'http';
  readonly path: string;
  readonly port: number;
}

export interface TcpHealthCheckSpec extends HealthTimingSpec {
  readonly kind: 'tcp';
  readonly port: number;
}

export interface LoggingSpec {
  /** json-file `max-size`, in bytes. */
  readonly maxSizeBytes: number;
  /** json-file `max-file`. */
  readonly maxFiles: number;
}

export interface SecretEnvSpec {
  /** The environment variable inside the container. */
  readonly name: string;
  /** The SecretSpec name. */
  readonly secret: string;
}

export interface ContainerSpec {
  /** Container name: the workload's name for the main container, the sidecar's id for a sidecar. */
  readonly name: string;
  /** Construct path: `shop/web` or `shop/web/log-shipper`. */
  readonly path: string;
  readonly image: ImageSpec;
  /** Arguments (Docker's CMD); undefined keeps the image's. */
  readonly command?: readonly string[];
  /** Docker's ENTRYPOINT; undefined keeps the image's. */
  readonly entrypoint?: readonly string[];
  readonly workingDir?: string;
  /** How the process is confined: `--user`, `--read-only`, `--cap-add`/`--cap-drop`, `no-new-privileges`. */
  readonly security: SecuritySpec;
  /** Plain environment, sorted by name. */
  readonly env: Readonly<Record<string, string>>;
  /** Environment taken from secrets, sorted by name. */
  readonly secretEnv: readonly SecretEnvSpec[];
  /** Sidecars have none: they share the main container's network namespace. */
  readonly ports: readonly PortSpec[];
  readonly resources: ResourcesSpec;
  /** Mounts in the order given; for a sidecar with volumesFrom, the main container's mounts come first. */
  readonly mounts: readonly MountSpec[];
  /** Config files and secrets mounted as files, in the order given; never shared through volumesFrom. */
  readonly files: readonly FileMountSpec[];
  readonly health?: HealthCheckSpec;
  /** Sorted by name. */
  readonly labels: Readonly<Record<string, string>>;
  /** Log size limits; undefined means unbounded. */
  readonly logging?: LoggingSpec;
  readonly privileged: boolean;
}

/** A container's confinement, in Docker's words, with every default resolved. */
export interface SecuritySpec {
  /** `uid`, `uid:gid`, or a user name, as in `docker run --user`; undefined keeps the image's USER. */
  readonly user?: string;
  /** The uid when `user` gives a numeric one. */
  readonly uid?: number;
  /** The gid when `user` gives a numeric one. */
  readonly gid?: number;
  /** `--read-only`: the root file system is mounted read-only. */
  readonly readOnlyRootFilesystem: boolean;
  /**
   * `--cap-add` and `--cap-drop`, relative to Docker's default set: names without the `CAP_` prefix, upper case,
   * sorted; `ALL` stands for every capability. No name is in both lists; `add` holds ALL only when `drop` is empty.
   */
  readonly capabilities: CapabilitiesSpec;
  /** `--security-opt no-new-privileges`. */
  readonly noNewPrivileges: boolean;
  /** Supplementary groups (`--group-add`), names or gids, in the order given; set only when some are given. */
  readonly groups?: readonly string[];
}

export interface CapabilitiesSpec {
  readonly add: readonly string[];
  readonly drop: readonly string[];
}

export interface SidecarSpec extends ContainerSpec {
  /** True when the sidecar mounts every volume of the main container (Docker's `--volumes-from`). */
  readonly volumesFrom: boolean;
}

export type DependencyCondition = 'started' | 'healthy' | 'completed';

export interface DependencySpec {
  /** Name of a service or job of the same system. */
  readonly name: string;
  readonly kind: 'service' | 'job';
  readonly condition: DependencyCondition;
}

export type RestartPolicyName = 'always' | 'unless-stopped' | 'on-failure' | 'no';

export interface RestartSpec {
  readonly policy: RestartPolicyName;
  /** For `on-failure:n`; undefined means unlimited retries. */
  readonly maxRetries?: number;
}

/** Lint rules the user turned off for one workload, with the reason given. */
export interface SuppressionSpec {
  readonly rule: string;
  readonly reason: string;
}

interface WorkloadSpecBase {
  readonly name: string;
  readonly path: string;
  readonly main: ContainerSpec;
  /** Sorted by name. */
  readonly sidecars: readonly SidecarSpec[];
  /** Network names, sorted; `default` when the workload names none (unless it uses the host network). */
  readonly networks: readonly string[];
  /** Sorted by name. */
  readonly dependsOn: readonly DependencySpec[];
  readonly restart: RestartSpec;
  /** Docker's `--network host`. */
  readonly hostNetwork: boolean;
  readonly suppressions: readonly SuppressionSpec[];
  /** The fixed name of the one container (`--name`), also a host name on its networks. */
  readonly containerName?: string;
  /** Extra names other workloads on its networks reach it by, in the order given; set only when some are given. */
  readonly aliases?: readonly string[];
  /** The host name the container sees as its own (`--hostname`). */
  readonly hostname?: string;
  /** The stop signal and grace period, where set. */
  readonly stop?: StopSpec;
  /** The platform the workload runs on, where set. */
  readonly platform?: PlatformSpec;
  /** Which nodes run the workload, where set. */
  readonly placement?: PlacementSpec;
  /** A terminal is kept (`-t`); set only when true. */
  readonly tty?: true;
  /** An init process runs as PID 1 (`--init`); set only when true. */
  readonly init?: true;
  /** Stdin is kept open (`-i`); set only when true. */
  readonly stdinOpen?: true;
  /** Kernel parameters, sorted by name; set only when some are given. */
  readonly sysctls?: Readonly<Record<string, string>>;
  /** Extra `/etc/hosts` lines, host name -> address or `host-gateway`, sorted by host name; set only when some are given. */
  readonly extraHosts?: Readonly<Record<string, string>>;
  /** Resource limits of the main container by name (`nofile`, `memlock`, ...), sorted; set only when some are given. */
  readonly ulimits?: Readonly<Record<string, UlimitSpec>>;
  /** Host devices given to the main container, in the order given; set only when some are given. */
  readonly devices?: readonly DeviceSpec[];
  /** NVIDIA GPUs given to the main container; set only when some are asked for. */
  readonly gpus?: GpuSpec;
  /** The host's process namespace is shared (`--pid host`); set only when true. */
  readonly hostPid?: true;
  /** The resolver's servers, search domains and options; set only when some are given. */
  readonly dns?: DnsSpec;
  /** Labels of the service object, not of its containers (Compose `deploy.labels`), sorted by key; set only when some are given. */
  readonly serviceLabels?: Readonly<Record<string, string>>;
}

/** The container's resolver settings; each list in the order given, set only when not empty. */
export interface DnsSpec {
  /** IP addresses (`--dns`). */
  readonly servers?: readonly string[];
  /** Lowercase DNS names (`--dns-search`). */
  readonly search?: readonly string[];
  /** `/etc/resolv.conf` options: `ndots:2`, `use-vc` (`--dns-option`). */
  readonly options?: readonly string[];
}

/** A host device (`--device`): its path on the host, in the container, and the permissions (`rwm` or fewer). */
export interface DeviceSpec {
  readonly hostPath: string;
  readonly containerPath: string;
  readonly permissions: string;
}

/** NVIDIA GPUs (`--gpus`): a count (or all of the host's) or the GPUs by id, and the driver capabilities asked for. */
export interface GpuSpec {
  /** How many, or `all`; set exactly when deviceIds is not. */
  readonly count?: number | 'all';
  /** GPU indexes or UUIDs, in the order given; set exactly when count is not. */
  readonly deviceIds?: readonly string[];
  /** NVIDIA driver capabilities beyond `gpu` (`compute`, `utility`, `video` ...), sorted; empty for the runtime's default. */
  readonly capabilities: readonly string[];
}

/** A soft and a hard resource limit; -1 is unlimited. */
export interface UlimitSpec {
  readonly soft: number;
  readonly hard: number;
}

export interface StopSpec {
  /** `SIGINT`, ...; undefined leaves the image's. */
  readonly signal?: string;
  /** Seconds between the signal and SIGKILL; undefined leaves the platform's. */
  readonly gracePeriodSeconds?: number;
}

export interface PlatformSpec {
  readonly os: 'linux';
  readonly architecture: 'amd64' | 'arm64';
}

/** Swarm's `deploy.placement`: rules every node meets, labels to spread over, a cap per node. */
export interface PlacementSpec {
  /** In the order given. */
  readonly constraints: readonly PlacementConstraintSpec[];
  /** Node label names, the first spread over first. */
  readonly spread: readonly string[];
  readonly maxReplicasPerNode?: number;
}

/** One rule: the node's attribute compared with a value. */
export interface PlacementConstraintSpec {
  /** `node-label` and `engine-label` name the label in `label`. */
  readonly kind: 'node-label' | 'engine-label' | 'hostname' | 'node-id' | 'role' | 'os' | 'arch';
  readonly label?: string;
  readonly operator: '==' | '!=';
  /** `role`: manager or worker; `os`: linux or windows; `arch`: amd64 or arm64. */
  readonly value: string;
}

export interface ServiceSpec extends WorkloadSpecBase {
  readonly kind: 'service';
  readonly replicas: number;
  /**
   * How a new version replaces the running one. `rolling`: new replicas start before old ones stop. `recreate`: the
   * old replica stops first, because it holds a single-writer volume the new one needs.
   */
  readonly rollout: RolloutSpec;
  /** Set when the platform chooses the number of copies; `replicas` is then `min`. */
  readonly autoscale?: AutoscaleSpec;
  /** Set when one copy runs on every node (Swarm's global mode); `replicas` is then 1. */
  readonly global?: true;
}

export interface AutoscaleSpec {
  readonly min: number;
  readonly max: number;
  /** Target average CPU use, in percent of what each copy reserves. */
  readonly cpuPercent?: number;
  /** Target average memory use, in percent of what each copy reserves. */
  readonly memoryPercent?: number;
}

export type RolloutSpec = 'rolling' | 'recreate';

export interface JobSpec extends WorkloadSpecBase {
  readonly kind: 'job';
  /** Five-field cron expression (UTC) for a scheduled job; undefined runs once. */
  readonly schedule?: string;
}

export type WorkloadSpec = ServiceSpec | JobSpec;

/** Per-target choices made on the System, with defaults resolved. */
export interface TargetOptionsSpec {
  readonly compose: ComposeOptionsSpec;
  readonly swarm: SwarmOptionsSpec;
  readonly kubernetes: KubernetesOptionsSpec;
  readonly ecs: EcsOptionsSpec;
}

export interface ComposeOptionsSpec {
  /** Secret env as `${VAR:?...}` interpolation (`env`), or as Compose `secrets` files under /run/secrets (`files`). */
  readonly secrets: 'env' | 'files';
}

export interface SwarmOptionsSpec {
  /** Secret env as Swarm secret files under /run/secrets (`files`), or as `${VAR:?...}` interpolation (`env`). */
  readonly secrets: 'env' | 'files';
}

export interface KubernetesOptionsSpec {
  /** Render one NetworkPolicy per network. False for clusters without a policy engine. */
  readonly networkPolicies: boolean;
  /** The Service type for ports published on a fixed host port. */
  readonly fixedPortServiceType: 'LoadBalancer' | 'NodePort';
  /** Namespace for every object; undefined leaves it to `kubectl apply -n`. */
  readonly namespace?: string;
  /** The Ingress class of the app's Ingress; undefined leaves it to the cluster's default class. */
  readonly ingressClassName?: string;
  /** The TLS Secret of the Ingress's https hosts; undefined: `<app>-tls`. */
  readonly tlsSecretName?: string;
  /** A cert-manager ClusterIssuer that fills the TLS Secret; undefined: the Secret must exist. */
  readonly certManagerClusterIssuer?: string;
}

export interface EcsVpcSpec {
  readonly vpcId: string;
  readonly availabilityZones: readonly string[];
  readonly publicSubnetIds: readonly string[];
  readonly privateSubnetIds: readonly string[];
}

export interface EcsOptionsSpec {
  readonly launchType: 'fargate' | 'ec2';
  /** An existing VPC; undefined creates one across two availability zones. */
  readonly vpc?: EcsVpcSpec;
  /** CloudWatch Logs retention, in days. */
  readonly logRetentionDays: number;
  /** CloudWatch Container Insights on the cluster. */
  readonly containerInsights: boolean;
  /** VPC flow logs (all traffic) to CloudWatch Logs. */
  readonly vpcFlowLogs: boolean;
  /** An existing S3 bucket for the load balancers' access logs; undefined creates one per system. */
  readonly accessLogsBucket?: string;
  /** An existing ACM certificate for the https routes' hosts. */
  readonly certificateArn?: string;
  /** A Route 53 hosted zone: a DNS-validated certificate for the https routes' hosts, and alias records to the ALB. */
  readonly hostedZone?: EcsHostedZoneSpec;
}

export interface EcsHostedZoneSpec {
  /** `Z0123456789ABCDEFGHIJ`. */
  readonly zoneId: string;
  /** `example.com`. */
  readonly zoneName: string;
}
