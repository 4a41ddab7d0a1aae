import { asMap, asNumber, asString, at, entry, fail, reportUnhandled, type ImportContext } from './context';
import { labelsOf } from './environment';
import type { Located, LocatedMap } from './located';
import { reservedGpusOf, type GpusFound } from './gpus';
import { placementOf } from './placement';
import type { PlacementPlan, ResourcesPlan } from './plan';

export interface DeployResult {
  readonly resources: ResourcesPlan;
  /** `deploy.replicas` or the older `scale`. */
  readonly replicas?: { readonly value: number; readonly keyPath: string; readonly line: number };
  /** `deploy.restart_policy`, as a `restart` value: `always`, `on-failure:3`, `no`. */
  readonly restartPolicy?: { readonly value: string; readonly keyPath: string; readonly line: number };
  /** `deploy.placement`. */
  readonly placement?: PlacementPlan;
  /** `deploy.labels`: labels of the service, not of its containers. */
  readonly serviceLabels?: Readonly<Record<string, string>>;
  /** `deploy.mode: global`: one copy on every node. */
  readonly global?: { readonly keyPath: string; readonly line: number };
  /** The GPU request of `deploy.resources.reservations.devices`. */
  readonly reservedGpus?: GpusFound;
}

const DEPLOY_HINTS: Record<string, string> = {
  update_config: 'Each target rolls updates its own way.',
  rollback_config: 'Each target rolls back its own way.',
  endpoint_mode: 'Services are reached by name on every target.',
};

/** A size in Docker's notation (memory, shared memory): strings as written, numbers as bytes. */
export function sizeNotation(ctx: ImportContext, node: Located, keyPath: string): string {
  const text = asString(ctx, node, keyPath).trim();
  // Docker's notation in lower case, as `docker run --memory 512m` writes it: 512M, 512MB and 512mb are 512m
  return text.replace(/^(\d+(?:\.\d+)?)\s*([kmgt])b?$/i, (_, n: string, u: string) => `${n}${u.toLowerCase()}`);
}

function cpus(ctx: ImportContext, node: Located, keyPath: string): number | string {
  const text = asString(ctx, node, keyPath).trim();
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** `deploy` (mode, replicas, resources, restart_policy, placement, labels) and the older `mem_limit`, `mem_reservation`, `cpus`, `cpu_shares`, `pids_limit`, `scale`. */
export function deployOf(ctx: ImportContext, service: LocatedMap, keyPath: string): DeployResult {
  const fromDeploy: { memory?: string; memoryReservation?: string; cpus?: number | string; pids?: number } = {};
  let replicas: DeployResult['replicas'];
  let restartPolicy: DeployResult['restartPolicy'];
  let placement: PlacementPlan | undefined;
  let serviceLabels: Record<string, string> | undefined;
  let global: DeployResult['global'];
  let reservedGpus: GpusFound | undefined;
  const deployEntry = entry(service, 'deploy');
  if (deployEntry) {
    const p = `${keyPath}.deploy`;
    const deploy = asMap(ctx, deployEntry.value, p);
    reportUnhandled(ctx, deploy, p, new Set(['mode', 'replicas', 'resources', 'restart_policy', 'placement', 'labels']), DEPLOY_HINTS);
    global = modeOf(ctx, deploy, p);
    placement = placementOf(ctx, deploy, p);
    const labels = entry(deploy, 'labels');
    if (labels) serviceLabels = labelsOf(ctx, labels.value, `${p}.labels`);
    const r = entry(deploy, 'replicas');
    if (r && global) {
      ctx.reporter.report('import/unsupported-value', at(ctx, `${p}.replicas`, r.line), 'a global service runs one copy per node: replicas is left out, as Swarm refuses it.');
    } else if (r) replicas = { value: asNumber(ctx, r.value, `${p}.replicas`), keyPath: `${p}.replicas`, line: r.line };
    const res = entry(deploy, 'resources');
    if (res) {
      const rp = `${p}.resources`;
      const resources = asMap(ctx, res.value, rp);
      reportUnhandled(ctx, resources, rp, new Set(['limits', 'reservations']));
      const limits = entry(resources, 'limits');
      if (limits) {
        const lp = `${rp}.limits`;
        const l = asMap(ctx, limits.value, lp);
        reportUnhandled(ctx, l, lp, new Set(['cpus', 'memory', 'pids']));
        const pidsEntry = entry(l, 'pids');
        if (pidsEntry) fromDeploy.pids = asNumber(ctx, pidsEntry.value, `${lp}.pids`);
        const m = entry(l, 'memory');
        if (m) fromDeploy.memory = sizeNotation(ctx, m.value, `${lp}.memory`);
        const c = entry(l, 'cpus');
        if (c) fromDeploy.cpus = cpus(ctx, c.value, `${lp}.cpus`);
      }
      const reservations = entry(resources, 'reservations');
      if (reservations) {
        const sp = `${rp}.reservations`;
        const s = asMap(ctx, reservations.value, sp);
        reportUnhandled(ctx, s, sp, new Set(['memory', 'devices']), {
          cpus: 'The model reserves CPU by weight: set cpu_shares (1024 = one CPU), which Kubernetes renders as requests.cpu.',
        });
        const m = entry(s, 'memory');
        if (m) fromDeploy.memoryReservation = sizeNotation(ctx, m.value, `${sp}.memory`);
        const devices = entry(s, 'devices');
        if (devices) reservedGpus = reservedGpusOf(ctx, devices.value, `${sp}.devices`);
      }
    }
    const rpEntry = entry(deploy, 'restart_policy');
    if (rpEntry) {
      const pp = `${p}.restart_policy`;
      const policy = asMap(ctx, rpEntry.value, pp);
      reportUnhandled(ctx, policy, pp, new Set(['condition', 'max_attempts']), { delay: 'Each target backs off its own way.', window: 'Each target decides when a restart succeeded.' });
      const condition = entry(policy, 'condition');
      const value = condition ? asString(ctx, condition.value, `${pp}.condition`) : 'any';
      const attempts = entry(policy, 'max_attempts');
      const max = attempts ? asNumber(ctx, attempts.value, `${pp}.max_attempts`) : undefined;
      const restart = value === 'none' ? 'no' : value === 'on-failure' ? (max !== undefined ? `on-failure:${max}` : 'on-failure') : value === 'any' ? 'always' : undefined;
      if (restart === undefined) {
        ctx.reporter.report(
          'import/unsupported-value',
          at(ctx, `${pp}.condition`, condition?.line ?? policy.line),
          `condition ${value} is not none, on-failure or any: it is left out.`,
        );
      } else {
        if (max !== undefined && value !== 'on-failure') {
          ctx.reporter.report(
            'import/unsupported-value',
            at(ctx, `${pp}.max_attempts`, attempts?.line ?? policy.line),
            `max_attempts applies to condition on-failure only in the model: it is left out.`,
          );
        }
        restartPolicy = { value: restart, keyPath: pp, line: rpEntry.line };
      }
    }
  }
  const scale = entry(service, 'scale');
  if (scale) {
    const value = asNumber(ctx, scale.value, `${keyPath}.scale`);
    if (replicas && replicas.value !== value) {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, `${keyPath}.scale`, scale.line),
        `scale ${value} differs from deploy.replicas ${replicas.value}: deploy.replicas is kept.`,
      );
    } else replicas ??= { value, keyPath: `${keyPath}.scale`, line: scale.line };
  }
  const legacy = (key: string, deployed: string | number | undefined, read: (n: Located, p: string) => string | number): string | number | undefined => {
    const e = entry(service, key);
    if (!e) return deployed;
    const value = read(e.value, `${keyPath}.${key}`);
    if (deployed !== undefined && String(deployed) !== String(value)) {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, `${keyPath}.${key}`, e.line),
        `${key} ${value} differs from the deploy resources' ${deployed}: the deploy value is kept.`,
      );
      return deployed;
    }
    return value;
  };
  const mem = legacy('mem_limit', fromDeploy.memory, (n, p) => sizeNotation(ctx, n, p));
  const memRes = legacy('mem_reservation', fromDeploy.memoryReservation, (n, p) => sizeNotation(ctx, n, p));
  const cpu = legacy('cpus', fromDeploy.cpus, (n, p) => cpus(ctx, n, p));
  // -1 and 0 say no limit, as the model does when pids is left out
  const pids = Number(legacy('pids_limit', fromDeploy.pids, (n, p) => asNumber(ctx, n, p)) ?? 0);
  const sharesEntry = entry(service, 'cpu_shares');
  const shares = sharesEntry ? asNumber(ctx, sharesEntry.value, `${keyPath}.cpu_shares`) : undefined;
  const resources: ResourcesPlan = {
    ...(mem !== undefined ? { memory: String(mem) } : {}),
    ...(memRes !== undefined ? { memoryReservation: String(memRes) } : {}),
    ...(shares !== undefined ? { cpuShares: shares } : {}),
    ...(cpu !== undefined ? { cpus: cpu } : {}),
    ...(pids > 0 ? { pids } : {}),
  };
  return {
    resources,
    ...(replicas ? { replicas } : {}),
    ...(restartPolicy ? { restartPolicy } : {}),
    ...(placement ? { placement } : {}),
    ...(serviceLabels && Object.keys(serviceLabels).length > 0 ? { serviceLabels } : {}),
    ...(global ? { global } : {}),
    ...(reservedGpus ? { reservedGpus } : {}),
  };
}

/** `deploy.mode`: `replicated` is the default; `global` runs one copy per node; a job mode is left out. */
function modeOf(ctx: ImportContext, deploy: LocatedMap, p: string): DeployResult['global'] {
  const e = entry(deploy, 'mode');
  if (!e) return undefined;
  const value = asString(ctx, e.value, `${p}.mode`);
  if (value === 'global') return { keyPath: `${p}.mode`, line: e.line };
  if (value !== 'replicated') {
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, `${p}.mode`, e.line),
      `mode ${value} has no equivalent: the service's restart policy says whether it is a long-running service or a one-shot job.`,
      'Write restart: "no" for a task that runs to completion.',
    );
  }
  return undefined;
}

/** The restart policy of a service: `restart` first, then `deploy.restart_policy`; Compose's `no` when neither. */
export function restartOf(ctx: ImportContext, service: LocatedMap, keyPath: string, deploy: DeployResult): { readonly restart: string; readonly given: boolean } {
  const e = entry(service, 'restart');
  if (!e) return deploy.restartPolicy ? { restart: deploy.restartPolicy.value, given: true } : { restart: 'always', given: false };
  const p = `${keyPath}.restart`;
  const value = e.value.kind === 'scalar' && e.value.value === false ? 'no' : asString(ctx, e.value, p);
  if (!/^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(value)) {
    fail(ctx, p, e.line, `restart must be no, always, unless-stopped or on-failure[:N] (got ${JSON.stringify(value)})`);
  }
  const policy = deploy.restartPolicy;
  if (policy && !agree(value, policy.value)) {
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, policy.keyPath, policy.line),
      `deploy.restart_policy (${policy.value}) differs from restart (${value}): restart is kept.`,
    );
  }
  return { restart: value, given: true };
}

function agree(restart: string, policy: string): boolean {
  if (restart === 'unless-stopped') return policy === 'always';
  return restart === policy || (restart === 'on-failure' && policy.startsWith('on-failure'));
}
