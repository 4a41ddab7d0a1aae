import { linksOf, networkAliasesOf, reportExternalLinks, type RawAlias, type RawLink } from './aliases';
import { asBoolean, asMap, asSeq, asString, at, entry, fail, reportUnhandled, type ImportContext } from './context';
import { CONTAINER_KEYS, containerOf } from './container';
import { deployOf, restartOf, type DeployResult } from './deploy';
import type { Located, LocatedMap } from './located';
import type { VolumeResolver } from './mounts';
import type { ContainerPlan, PortPlan } from './plan';
import { markHttpPort, PortCollector } from './ports';
import type { RuntimePlan } from './plan';
import { runtimeOf } from './runtime';
import { gpusOf } from './gpus';
import type { SecretRegistry } from './secrets';

/** Keys of a service that no part of the model holds, with what to do instead. */
const SERVICE_HINTS: Record<string, string> = {
  configs: 'Mount the configuration as a bind mount or bake it into the image.',
  pull_policy: 'Pin the image by tag or digest.',
};

/** What a service of the file is, once its keys are read. */
export interface ServiceInput {
  readonly composeName: string;
  readonly keyPath: string;
  readonly map: LocatedMap;
  /** `network_mode: service:X`: the X. */
  readonly sidecarOf?: string;
}

export interface RawDependency {
  readonly composeName: string;
  readonly condition: 'started' | 'healthy' | 'completed';
  readonly keyPath: string;
  readonly line: number;
}

export interface ConvertedService {
  readonly input: ServiceInput;
  readonly kind: 'service' | 'job';
  readonly container: ContainerPlan;
  readonly ports: PortPlan[];
  /** Network names as the file writes them. */
  readonly networks: Array<{ name: string; keyPath: string; line: number }>;
  readonly hostNetwork: boolean;
  readonly dependsOn: RawDependency[];
  readonly restart: string;
  readonly replicas: number;
  /** Whether `volumes_from` names the service this one is a sidecar of. */
  readonly volumesFromMain: boolean;
  readonly deploy: DeployResult;
  readonly runtime: RuntimePlan;
  /** `networks.<n>.aliases`, in the order of the file. */
  readonly aliases: RawAlias[];
  /** `links`: each also a dependency in `dependsOn`; those with an alias name the linked service. */
  readonly links: RawLink[];
}

const WORKLOAD_KEYS = [
  ...CONTAINER_KEYS, 'ports', 'expose', 'networks', 'network_mode', 'volumes_from', 'depends_on', 'deploy', 'mem_limit', 'mem_reservation',
  'cpus', 'cpu_shares', 'pids_limit', 'scale', 'restart', 'profiles', 'extends', 'container_name', 'hostname', 'stop_signal', 'stop_grace_period', 'platform', 'tty', 'init', 'stdin_open', 'sysctls', 'extra_hosts', 'ulimits', 'devices', 'gpus', 'pid', 'dns', 'dns_search', 'dns_opt', 'links', 'external_links',
];

/** `network_mode: service:X` names X; other modes are read by `convertService`. */
export function sidecarTarget(ctx: ImportContext, map: LocatedMap, keyPath: string): string | undefined {
  const mode = entry(map, 'network_mode');
  if (!mode) return undefined;
  const value = asString(ctx, mode.value, `${keyPath}.network_mode`);
  return value.startsWith('service:') ? value.slice('service:'.length) : undefined;
}

/**
 * Reads one service of the file: its container, ports, networks, dependencies, restart policy and replicas. A service
 * with no restart policy that another waits to complete (`awaited`) runs once, as Compose runs it: a job.
 */
export function convertService(ctx: ImportContext, input: ServiceInput, volumes: VolumeResolver, secrets: SecretRegistry, awaited: ReadonlySet<string>): ConvertedService {
  const { map, keyPath } = input;
  reportUnhandled(ctx, map, keyPath, new Set([...WORKLOAD_KEYS, 'develop']), SERVICE_HINTS);
  const develop = map.entries.get('develop');
  if (develop) {
    ctx.reporter.report(
      'import/development-only',
      at(ctx, `${keyPath}.develop`, develop.line),
      'develop says what `docker compose watch` syncs or rebuilds while developing: the deployed system does not run it, so it is left out.',
    );
  }
  const deploy = deployOf(ctx, map, keyPath);
  const stated = restartOf(ctx, map, keyPath, deploy);
  const container = containerOf(ctx, map, keyPath, { volumes, secrets, resources: deploy.resources, composeName: input.composeName });
  const collector = new PortCollector(ctx);
  const ports = entry(map, 'ports');
  if (ports) collector.addPorts(ports.value, `${keyPath}.ports`);
  const expose = entry(map, 'expose');
  if (expose) collector.addExpose(expose.value, `${keyPath}.expose`);
  const portPlans = collector.result();
  // a step others wait to complete, with no port to serve on, runs once as Compose runs it
  const runsOnce = !stated.given && input.sidecarOf === undefined && awaited.has(input.composeName) && portPlans.length === 0;
  const { restart, given } = runsOnce ? { restart: 'no', given: false } : stated;
  const health = container.health;
  if (health?.kind === 'http' && markHttpPort(portPlans, health.port)) {
    ctx.reporter.report(
      'import/http-port',
      at(ctx, `${keyPath}.healthcheck`, entry(map, 'healthcheck')?.line ?? map.line),
      `port ${health.port} answers the http health check: it is imported as an HTTP port (an Application Load Balancer on ECS).`,
    );
  }
  const kind = /^(no|on-failure(:\d+)?)$/.test(restart) ? 'job' : 'service';
  if (runsOnce) {
    ctx.reporter.report(
      'import/restart-default',
      at(ctx, keyPath, map.line),
      `${input.composeName} names no restart policy and a service waits for it to complete: it is imported as a one-shot job (restart "no"), as Compose runs it.`,
    );
  } else if (!given && input.sidecarOf === undefined) {
    ctx.reporter.report(
      'import/restart-default',
      at(ctx, keyPath, map.line),
      `${input.composeName} names no restart policy: it is imported as a long-running service that restarts always, where Compose would not restart it.`,
      'Write restart: "no" for a one-shot job.',
    );
  }
  let hostNetwork = false;
  const mode = entry(map, 'network_mode');
  if (mode && input.sidecarOf === undefined) {
    const value = asString(ctx, mode.value, `${keyPath}.network_mode`);
    if (value === 'host') hostNetwork = true;
    else {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, `${keyPath}.network_mode`, mode.line),
        `network_mode ${value} has no equivalent: the service joins its networks, or the default one.`,
      );
    }
  }
  const { networks, aliases } = networksOf(ctx, map, keyPath, input.composeName);
  const links = linksOf(ctx, map, keyPath);
  reportExternalLinks(ctx, map, keyPath, input.composeName);
  const declared = dependsOnOf(ctx, map, keyPath);
  // Compose starts a linked service first, as if depends_on named it
  const dependsOn = [
    ...declared,
    ...links.filter((l) => !declared.some((d) => d.composeName === l.target)).map((l): RawDependency => ({ composeName: l.target, condition: 'started', keyPath: l.keyPath, line: l.line })),
  ];
  const volumesFromMain = volumesFromOf(ctx, map, keyPath, input.sidecarOf);
  return {
    input,
    kind,
    container,
    ports: portPlans,
    networks,
    hostNetwork,
    dependsOn,
    restart,
    replicas: deploy.replicas?.value ?? 1,
    volumesFromMain,
    deploy,
    runtime: { ...runtimeOf(ctx, map, keyPath), ...gpusOf(ctx, map, keyPath, deploy.reservedGpus), ...(deploy.serviceLabels ? { serviceLabels: deploy.serviceLabels } : {}) },
    aliases,
    links,
  };
}

type NetworkRef = { name: string; keyPath: string; line: number };

function networksOf(ctx: ImportContext, map: LocatedMap, keyPath: string, composeName: string): { networks: NetworkRef[]; aliases: RawAlias[] } {
  const e = entry(map, 'networks');
  if (!e) return { networks: [], aliases: [] };
  const p = `${keyPath}.networks`;
  if (e.value.kind === 'seq') return { networks: e.value.items.map((n, i) => ({ name: asString(ctx, n, `${p}[${i}]`), keyPath: `${p}[${i}]`, line: n.line })), aliases: [] };
  const aliases: RawAlias[] = [];
  const networks = [...asMap(ctx, e.value, p).entries].map(([name, ne]) => {
    const np = `${p}.${name}`;
    if (!(ne.value.kind === 'scalar' && ne.value.value === null)) {
      const settings = asMap(ctx, ne.value, np);
      aliases.push(...networkAliasesOf(ctx, settings, np, composeName, name));
      for (const key of ['ipv4_address', 'ipv6_address']) {
        const a = entry(settings, key);
        if (!a) continue;
        const address = asString(ctx, a.value, `${np}.${key}`);
        ctx.reporter.report(
          'import/unsupported-key',
          at(ctx, `${np}.${key}`, a.line),
          `${key} ${address} is left out: each target assigns ${composeName} an address itself (Docker from the network's pool, a pod IP on Kubernetes, a task's network interface on ECS), so a peer that connects to ${address} instead of a name fails.`,
          `Reach ${composeName} by its service name (or an alias) instead of the address.`,
        );
      }
      reportUnhandled(ctx, settings, np, new Set(['aliases', 'ipv4_address', 'ipv6_address']), { priority: 'The model has no network priority.' });
    }
    return { name, keyPath: np, line: ne.line };
  });
  return { networks, aliases };
}

const CONDITIONS: Record<string, RawDependency['condition']> = {
  service_started: 'started',
  service_healthy: 'healthy',
  service_completed_successfully: 'completed',
};

function dependsOnOf(ctx: ImportContext, map: LocatedMap, keyPath: string): RawDependency[] {
  const e = entry(map, 'depends_on');
  if (!e) return [];
  const p = `${keyPath}.depends_on`;
  if (e.value.kind === 'seq') {
    return asSeq(ctx, e.value, p).items.map((n, i) => ({ composeName: asString(ctx, n, `${p}[${i}]`), condition: 'started', keyPath: `${p}[${i}]`, line: n.line }));
  }
  return [...asMap(ctx, e.value, p).entries].map(([name, de]) => {
    const dp = `${p}.${name}`;
    let condition: RawDependency['condition'] = 'started';
    if (!(de.value.kind === 'scalar' && de.value.value === null)) {
      const d = asMap(ctx, de.value, dp);
      reportUnhandled(ctx, d, dp, new Set(['condition', 'required']), { restart: 'Each target restarts dependants its own way.' });
      const c = entry(d, 'condition');
      if (c) {
        const value = asString(ctx, c.value, `${dp}.condition`);
        const known = CONDITIONS[value];
        if (!known) fail(ctx, `${dp}.condition`, c.line, `condition must be service_started, service_healthy or service_completed_successfully (got ${JSON.stringify(value)})`);
        condition = known;
      }
      const required = entry(d, 'required');
      if (required && !asBoolean(ctx, required.value, `${dp}.required`)) {
        ctx.reporter.report(
          'import/unsupported-value',
          at(ctx, `${dp}.required`, required.line),
          'an optional dependency has no equivalent: it is imported as required.',
        );
      }
    }
    return { composeName: name, condition, keyPath: dp, line: de.line };
  });
}

/**
 * Whether `volumes_from` names the service this one is a sidecar of (its volumes become the sidecar's); every other
 * source is shared by `shareVolumesFrom`.
 */
function volumesFromOf(ctx: ImportContext, map: LocatedMap, keyPath: string, sidecarOf: string | undefined): boolean {
  const e = entry(map, 'volumes_from');
  if (!e || sidecarOf === undefined) return false;
  const p = `${keyPath}.volumes_from`;
  let found = false;
  asSeq(ctx, e.value, p).items.forEach((n: Located, i) => {
    const [source, mode] = asString(ctx, n, `${p}[${i}]`).split(':');
    if (source !== sidecarOf) return;
    found = true;
    if (mode === 'ro') {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, `${p}[${i}]`, n.line),
        'read-only volumes_from has no equivalent: the volumes are mounted as the main service mounts them.',
      );
    }
  });
  return found;
}
