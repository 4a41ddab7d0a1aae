import { ModelError, show } from './errors';
import { checkKnownProps, propNames, type PropKeys } from './known-props';
import { HealthCheck } from './health-check';
import { Image } from './image';
import { Mount } from './mount';
import { ENV_KEY_PATTERN } from './env-name';
import { ENV_NAME_PATTERN } from './names';
import { Port } from './port';
import { parseCpuShares, parseCpus, parseSize } from './quantities';
import { Secret } from './secret';
import { resolveSecurity, type SecurityProps } from './security';
import type { ContainerSpec, FileMountSpec, LoggingSpec, MountSpec, PortSpec, ResourcesSpec, SecretEnvSpec } from './spec';
import { checkBindInImage } from './bind-in-image';
import { resolvePidsLimit } from './pids-limit';

/** Resources in Docker's notation. Each is honoured by every target (see the mapping table), but `pids`. */
export interface Resources {
  /**
   * Hard memory limit (`--memory`): `512m`, `1g`.
   * @default - no limit
   */
  readonly memory?: string;
  /**
   * Soft memory reservation (`--memory-reservation`); must not exceed `memory`.
   * @default - no reservation
   */
  readonly memoryReservation?: string;
  /**
   * Relative CPU weight (`--cpu-shares`); 1024 is one CPU.
   * @default - no shares (the runtime's default weight)
   */
  readonly cpuShares?: number;
  /**
   * Hard CPU quota (`--cpus`): `0.5`, `2`.
   * @default - no limit
   */
  readonly cpus?: number | string;
  /**
   * The most processes and threads the container may run (`--pids-limit`, Compose `pids_limit`), as a fork bomb
   * guard: Compose, Swarm and docker set it. Kubernetes limits processes per pod only on the node (the kubelet's
   * `podPidsLimit`), and an ECS container definition has no limit: there it is left out, with a warning.
   * @default - no limit
   */
  readonly pids?: number;
}

/** Log size limits (json-file `max-size` and `max-file`). */
export interface Logging {
  /** Largest size of one log file, in Docker's notation: `10m`. */
  readonly maxSize: string;
  /**
   * How many files to keep.
   * @default 1
   */
  readonly maxFiles?: number;
}

/** What every container says: the `docker run` flags that belong to one container. */
export interface ContainerProps {
  /** The image to run. */
  readonly image: Image;
  /**
   * Arguments, as Docker's CMD.
   * @default - the image's CMD
   */
  readonly command?: string[];
  /**
   * Docker's ENTRYPOINT (`--entrypoint`).
   * @default - the image's ENTRYPOINT
   */
  readonly entrypoint?: string[];
  /**
   * Working directory (`--workdir`), an absolute path.
   * @default - the image's WORKDIR
   */
  readonly workingDir?: string;
  /**
   * How the process is confined (`--user`, `--read-only`, `--cap-add`, `--cap-drop`, `--security-opt
   * no-new-privileges`); `Security.restricted({ user })` gives the restricted profile.
   * @default - Docker's defaults: the image's USER, a writable root, Docker's default capabilities
   */
  readonly security?: SecurityProps;
  /**
   * Environment variables (`-e`). Values are written into every output: put secrets in `secretEnv`.
   * @default - none
   */
  readonly env?: Record<string, string>;
  /**
   * Environment variables whose value comes from a Secret; no value ever enters the output.
   * @default - none
   */
  readonly secretEnv?: Record<string, Secret>;
  /**
   * Resource limits and reservations.
   * @default - none
   */
  readonly resources?: Resources;
  /**
   * Volumes, ephemeral storage and bind mounts.
   * @default - none
   */
  readonly mounts?: Mount[];
  /**
   * Health check.
   * @default - the image's HEALTHCHECK, which no target other than Compose reads
   */
  readonly health?: HealthCheck;
  /**
   * Labels of the container (`docker run --label`, Compose `labels`). For labels of the service object rather
   * than its containers, see `serviceLabels`.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Log size limits.
   * @default - unbounded (Docker's json-file default)
   */
  readonly logging?: Logging;
  /**
   * Run privileged (`--privileged`): flagged on every target; an error on Fargate.
   * @default false
   */
  readonly privileged?: boolean;
}

function stringList(path: string, prop: string, value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ModelError(path, prop, 'must be a list of strings', value, "Write e.g. ['npm', 'start']");
  }
  return [...value];
}

function sortedRecord(path: string, prop: string, value: unknown, keyCheck: (k: string) => boolean, keyFix: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === undefined) return out;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelError(path, prop, 'must be an object of names to strings', value, 'Write e.g. { NAME: "value" }');
  }
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (!keyCheck(key)) throw new ModelError(path, `${prop}.${key}`, 'invalid name', key, keyFix);
    if (typeof v !== 'string') {
      throw new ModelError(path, `${prop}.${key}`, 'value must be a string', v, `Write the value in quotes: ${show(String(v))}`);
    }
    out[key] = v;
  }
  return out;
}

/** Label keys that Docker accepts: printable, no whitespace, no '='. */
const LABEL_KEY = /^[^\s=]{1,253}$/;

/** Whether `key` is a label key the model takes (printable, no whitespace, no '=', at most 253 characters). */
export function isLabelKey(key: string): boolean {
  return LABEL_KEY.test(key);
}

/** Docker labels (`--label`, or a service's `--label`), sorted by key. */
export function resolveLabels(path: string, prop: string, value: unknown): Record<string, string> {
  return sortedRecord(path, prop, value, (k) => LABEL_KEY.test(k), "Use a key without spaces or '='");
}

/** The props every container has, for the unknown-prop check of Service, Job and Sidecar. */
export const CONTAINER_PROP_KEYS: PropKeys<ContainerProps> = { image: true, command: true, entrypoint: true, workingDir: true, security: true, env: true, secretEnv: true, resources: true, mounts: true, health: true, labels: true, logging: true, privileged: true };
const RESOURCES_PROPS = propNames<Resources>({ memory: true, memoryReservation: true, cpuShares: true, cpus: true, pids: true });
const LOGGING_PROPS = propNames<Logging>({ maxSize: true, maxFiles: true });

function resolveResources(path: string, r: Resources | undefined): ResourcesSpec {
  if (r === undefined) return {};
  checkKnownProps(path, 'resources', r, RESOURCES_PROPS);
  const memoryBytes = r.memory !== undefined ? parseSize(path, 'resources.memory', r.memory) : undefined;
  const memoryReservationBytes =
    r.memoryReservation !== undefined ? parseSize(path, 'resources.memoryReservation', r.memoryReservation) : undefined;
  if (memoryBytes !== undefined && memoryBytes < 6 * 1024 * 1024) {
    throw new ModelError(path, 'resources.memory', 'memory limit must be at least 6m (Docker\'s minimum)', r.memory, "Write e.g. '256m'");
  }
  if (memoryBytes !== undefined && memoryReservationBytes !== undefined && memoryReservationBytes > memoryBytes) {
    throw new ModelError(
      path,
      'resources.memoryReservation',
      `reservation is above the memory limit ${show(r.memory)}`,
      r.memoryReservation,
      'Lower memoryReservation or raise memory',
    );
  }
  const cpuShares = r.cpuShares !== undefined ? parseCpuShares(path, 'resources.cpuShares', r.cpuShares) : undefined;
  const cpuMillis = r.cpus !== undefined ? parseCpus(path, 'resources.cpus', r.cpus) : undefined;
  const pidsLimit = resolvePidsLimit(path, r.pids);
  return {
    ...(memoryBytes !== undefined ? { memoryBytes } : {}),
    ...(memoryReservationBytes !== undefined ? { memoryReservationBytes } : {}),
    ...(cpuShares !== undefined ? { cpuShares } : {}),
    ...(cpuMillis !== undefined ? { cpuMillis } : {}),
    ...(pidsLimit !== undefined ? { pidsLimit } : {}),
  };
}

function resolveLogging(path: string, l: Logging | undefined): LoggingSpec | undefined {
  if (l === undefined) return undefined;
  checkKnownProps(path, 'logging', l, LOGGING_PROPS);
  const maxSizeBytes = parseSize(path, 'logging.maxSize', l.maxSize);
  const maxFiles = l.maxFiles ?? 1;
  if (!Number.isInteger(maxFiles) || maxFiles < 1 || maxFiles > 100) {
    throw new ModelError(path, 'logging.maxFiles', 'must be a whole number from 1 to 100', l.maxFiles, 'Use e.g. 3');
  }
  return { maxSizeBytes, maxFiles };
}

/** Resolves a container's props into its spec; `ports` is given for main containers only. */
export function resolveContainer(name: string, path: string, props: ContainerProps, ports: readonly Port[] | undefined): ContainerSpec {
  if (typeof props !== 'object' || props === null) throw new ModelError(path, '', 'props are required', props, 'Pass at least { image: Image.of(...) }');
  if (!(props.image instanceof Image)) {
    throw new ModelError(path, 'image', 'must be an Image', props.image, "Use Image.of('nginx:1.27') or Image.build({...})");
  }
  const image = props.image._toSpec(path, 'image');
  const command = stringList(path, 'command', props.command);
  const entrypoint = stringList(path, 'entrypoint', props.entrypoint);
  if (props.workingDir !== undefined && (typeof props.workingDir !== 'string' || !props.workingDir.startsWith('/'))) {
    throw new ModelError(path, 'workingDir', 'must be an absolute path', props.workingDir, "Write e.g. '/app'");
  }
  const security = resolveSecurity(path, props.security, (props as { user?: unknown }).user);
  const env = sortedRecord(path, 'env', props.env, (k) => ENV_KEY_PATTERN.test(k), "Use letters, digits, '_', '-' and '.', not starting with a digit");
  const secretEnv: SecretEnvSpec[] = [];
  for (const key of Object.keys(props.secretEnv ?? {}).sort()) {
    const s = (props.secretEnv as Record<string, unknown>)[key];
    if (!ENV_NAME_PATTERN.test(key)) throw new ModelError(path, `secretEnv.${key}`, 'invalid name', key, 'Use letters, digits and _, not starting with a digit');
    if (!Secret.isSecret(s)) {
      // the value may be a password typed in by mistake: name its type, never the value
      throw new ModelError(path, `secretEnv.${key}`, `must be a Secret, not ${s === null ? 'null' : `a ${typeof s}`} (the value is not shown)`, undefined, 'Create it with new Secret(system, name)');
    }
    if (key in env) throw new ModelError(path, `secretEnv.${key}`, 'is also set in env', key, 'Set it in env or secretEnv, not both');
    secretEnv.push({ name: key, secret: s.name });
  }
  const portSpecs: PortSpec[] = [];
  const seen = new Map<string, number>();
  (ports ?? []).forEach((p, i) => {
    if (!(p instanceof Port)) throw new ModelError(path, `ports[${i}]`, 'must be a Port', p, 'Use Port.tcp(80), Port.udp(53) or Port.http(8080)');
    const spec = p._toSpec(path, `ports[${i}]`);
    const key = `${spec.containerPort}/${spec.protocol}`;
    if (seen.has(key)) {
      throw new ModelError(path, `ports[${i}]`, `duplicate port, already declared at ports[${seen.get(key)}]`, key, 'Declare each port and protocol once');
    }
    seen.set(key, i);
    portSpecs.push(spec);
  });
  const hostPorts = new Map<string, number>();
  portSpecs.forEach((p, i) => {
    if (p.publish !== 'fixed') return;
    const key = `${p.hostPort}/${p.protocol}`;
    if (hostPorts.has(key)) {
      throw new ModelError(path, `ports[${i}].hostPort`, `host port already published at ports[${hostPorts.get(key)}]`, key, 'Publish each host port and protocol once');
    }
    hostPorts.set(key, i);
  });
  const mounts: MountSpec[] = [];
  const files: FileMountSpec[] = [];
  const targets = new Map<string, number>();
  (props.mounts ?? []).forEach((m, i) => {
    if (!(m instanceof Mount)) throw new ModelError(path, `mounts[${i}]`, 'must be a Mount', m, 'Use Mount.volume(...), Mount.ephemeral(...) or Mount.bind(...)');
    const spec = m._isFile ? m._toFileSpec(path, `mounts[${i}]`, i) : m._toSpec(path, `mounts[${i}]`);
    if (targets.has(spec.target)) {
      throw new ModelError(path, `mounts[${i}].target`, `mount target already used by mounts[${targets.get(spec.target)}]`, spec.target, 'Mount each path once');
    }
    targets.set(spec.target, i);
    checkBindInImage(path, `mounts[${i}]`, spec, image);
    if ('index' in spec) files.push(spec);
    else mounts.push(spec);
  });
  const ephemeralNames = new Set<string>();
  mounts.forEach((m, i) => {
    if (m.kind !== 'ephemeral') return;
    if (ephemeralNames.has(m.name)) throw new ModelError(path, `mounts[${i}].name`, 'ephemeral volume name already used', m.name, 'Give each ephemeral mount its own name');
    ephemeralNames.add(m.name);
  });
  if (props.health !== undefined && !(props.health instanceof HealthCheck)) {
    throw new ModelError(path, 'health', 'must be a HealthCheck', props.health, "Use HealthCheck.command([...]), .http('/healthz', 8080) or .tcp(5432)");
  }
  const health = props.health?._toSpec(path, 'health');
  const labels = resolveLabels(path, 'labels', props.labels);
  if (props.privileged !== undefined && typeof props.privileged !== 'boolean') {
    throw new ModelError(path, 'privileged', 'must be true or false', props.privileged, 'Write privileged: true or leave it out');
  }
  const logging = resolveLogging(path, props.logging);
  return {
    name,
    path,
    image,
    ...(command ? { command } : {}),
    ...(entrypoint ? { entrypoint } : {}),
    ...(props.workingDir ? { workingDir: props.workingDir } : {}),
    security,
    env,
    secretEnv,
    ports: portSpecs,
    resources: resolveResources(path, props.resources),
    mounts,
    files,
    ...(health ? { health } : {}),
    labels,
    ...(logging ? { logging } : {}),
    privileged: props.privileged ?? false,
  };
}
