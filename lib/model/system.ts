import { Construct, IConstruct } from 'constructs';
import { checkAliases } from './aliases';
import { ModelError, ModelValidationError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { Job } from './job';
import { checkName, compareNames } from './names';
import { Network } from './network';
import { Secret } from './secret';
import { Service } from './service';
import { checkFileSources, configFileSpecs } from './system-files';
import { Sidecar } from './sidecar';
import { rolloutOf, singleWriterVolumes, type DraftWorkloadSpec } from './rollout';
import { checkRoutes } from './route';
import type { JobSpec, NetworkSpec, ServiceSpec, SystemSpec, VolumeSpec } from './spec';
import { resolveTargetOptions, TargetOptions } from './target-options';
import { Volume } from './volume';
import { Workload } from './workload';

export interface SystemProps {
  /**
   * Choices that only one target reads (Kubernetes NetworkPolicies, the ECS launch type, ...).
   * @default - each target's defaults
   */
  readonly targetOptions?: TargetOptions;
}

/** The name of the network of workloads that name none, as in Compose. */
const DEFAULT_NETWORK = 'default';

/** The root of one deployable system: an app. Its name names the output (`dist/compose/<name>/compose.yaml`). */
export class System extends Construct {
  static isSystem(x: unknown): x is System {
    return typeof x === 'object' && x !== null && (x as { [SYSTEM]?: boolean })[SYSTEM] === true;
  }

  public readonly name: string;
  private readonly targetOptions: TargetOptions;

  constructor(name: string, props: SystemProps = {}) {
    super(undefined as unknown as Construct, checkRootName(name));
    Object.defineProperty(this, SYSTEM, { value: true });
    this.name = name;
    checkKnownProps(name, '', props, propNames<SystemProps>({ targetOptions: true }));
    this.targetOptions = props.targetOptions ?? {};
    resolveTargetOptions(name, this.targetOptions);
  }

  /** Validates the whole tree and returns the frozen, target-neutral spec. Throws ModelValidationError. */
  public toSpec(): SystemSpec {
    const errors: ModelError[] = [];
    const attempt = <T>(f: () => T): T | undefined => {
      try {
        return f();
      } catch (e) {
        if (ModelError.is(e) && e instanceof ModelError) {
          errors.push(e);
          return undefined;
        }
        throw e;
      }
    };
    const all = this.node.findAll();
    const workloads = all.filter(Workload.isWorkload);
    for (const c of all) {
      if (c === this) continue;
      if (c instanceof Sidecar) {
        if (!Workload.isWorkload(c.node.scope)) {
          errors.push(new ModelError(c.node.path, '', 'a sidecar must be added to a Service or Job', c.node.id, 'Use service.addSidecar(id, props)'));
        }
      } else if (c.node.scope !== this) {
        errors.push(new ModelError(c.node.path, '', 'must be created directly under the System', c.node.id, 'Pass the System as the scope'));
      }
    }
    for (const w of workloads) attempt(() => w._checkLinks());
    this.checkCrossSystem(workloads, errors);
    checkFileSources(this, workloads, errors);
    this.checkSidecarNames(workloads, errors);
    this.checkHostPorts(workloads, errors);
    this.checkSecretEnvNames(all.filter(Secret.isSecret), errors);
    this.checkCycles(workloads, errors);
    const drafts: DraftWorkloadSpec[] = [];
    for (const w of workloads) {
      const spec = attempt(() => this.workloadSpec(w));
      if (spec) drafts.push(spec);
    }
    const volumeFacts = all.filter(Volume.isVolume).map((v) => v.name);
    checkRoutes(drafts, errors);
    checkAliases(drafts, errors);
    const singleWriter = singleWriterVolumes(drafts, volumeFacts);
    const specs = drafts.map((d) => (d.kind === 'service' ? { ...d, rollout: rolloutOf(d, singleWriter) } : d));
    const options = attempt(() => resolveTargetOptions(this.node.path, this.targetOptions));
    if (errors.length > 0) throw new ModelValidationError(dedupe(errors));

    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const services = specs.filter((s): s is ServiceSpec => s.kind === 'service').sort(byName);
    const jobs = specs.filter((s): s is JobSpec => s.kind === 'job').sort(byName);

    const networkMembers = new Map<string, string[]>();
    for (const w of specs) for (const n of w.networks) networkMembers.set(n, [...(networkMembers.get(n) ?? []), w.name]);
    const declaredNetworks = all.filter(Network.isNetwork);
    const networks: NetworkSpec[] = declaredNetworks.map((n) => ({
      name: n.name,
      path: n.node.path,
      internal: n.internal,
      ...(n.dockerName ? { dockerName: n.dockerName } : {}),
      isDefault: false,
      members: (networkMembers.get(n.name) ?? []).sort(),
    }));
    if (networkMembers.has(DEFAULT_NETWORK)) {
      networks.push({ name: DEFAULT_NETWORK, path: `${this.node.path}/${DEFAULT_NETWORK}`, internal: false, isDefault: true, members: (networkMembers.get(DEFAULT_NETWORK) ?? []).sort() });
    }
    const volumeUsers = new Map<string, Set<string>>();
    for (const w of specs) {
      for (const c of [w.main, ...w.sidecars]) {
        for (const m of c.mounts) if (m.kind === 'volume') volumeUsers.set(m.volume, (volumeUsers.get(m.volume) ?? new Set()).add(w.name));
      }
    }
    const volumes: VolumeSpec[] = all.filter(Volume.isVolume).map((v) => ({
      name: v.name,
      path: v.node.path,
      sizeBytes: v.sizeBytes,
      ...(v.storageClass ? { storageClass: v.storageClass } : {}),
      ...(v.dockerName ? { dockerName: v.dockerName } : {}),
      ...(v.hostPath ? { hostPath: v.hostPath } : {}),
      users: [...(volumeUsers.get(v.name) ?? [])].sort(),
    }));
    const secrets = all.filter(Secret.isSecret).map((s) => s._toSpec());
    return deepFreeze({
      name: this.name,
      services,
      jobs,
      networks: networks.sort(byName),
      volumes: volumes.sort(byName),
      secrets: secrets.sort(byName),
      configFiles: configFileSpecs(all, specs),
      options: options!,
    });
  }

  private workloadSpec(w: Workload): DraftWorkloadSpec {
    const sidecars = w._sidecars.map((s) => s._toSpec(w._main)).sort((a, b) => compareNames(a.name, b.name));
    checkEphemeralNames(w);
    const networks = w._props.hostNetwork ? [] : w._networks.length > 0 ? w._networks.map((n) => n.name).sort() : [DEFAULT_NETWORK];
    const base = {
      name: w.name,
      path: w.node.path,
      main: w._main,
      sidecars,
      networks,
      dependsOn: w._dependencySpecs(),
      restart: w._restart(),
      hostNetwork: w._props.hostNetwork ?? false,
      suppressions: w._suppressions,
      ...w._runtime,
    };
    if (w instanceof Service) return { kind: 'service', ...base, replicas: w.replicas, ...(w._autoscale ? { autoscale: w._autoscale } : {}), ...(w._global ? { global: true as const } : {}) };
    if (w instanceof Job) return { kind: 'job', ...base, ...(w.schedule ? { schedule: w.schedule } : {}) };
    throw new Error(`unknown workload ${w.node.path}`);
  }

  /** Networks, volumes, secrets and dependencies must belong to this System. */
  private checkCrossSystem(workloads: Workload[], errors: ModelError[]): void {
    const mine = (c: IConstruct) => c.node.root === this;
    const other = (c: IConstruct) => `${c.node.path}`;
    for (const w of workloads) {
      const path = w.node.path;
      w._networks.forEach((n, i) => {
        if (Network.isNetwork(n) && !mine(n)) errors.push(new ModelError(path, `networks[${i}]`, 'network belongs to another System', other(n), `Create the network in ${this.node.path}`));
      });
      w._dependsOn.forEach((d, i) => {
        const t = d.target as unknown as Workload;
        if (Workload.isWorkload(t) && !mine(t)) errors.push(new ModelError(path, `dependsOn[${i}]`, 'dependency belongs to another System', other(t), `Depend on a workload of ${this.node.path}`));
      });
      const containers: Array<{ p: string; props: Workload['_props'] }> = [
        { p: path, props: w._props },
        ...w._sidecars.map((s) => ({ p: s.node.path, props: s._sidecarProps as Workload['_props'] })),
      ];
      for (const { p, props } of containers) {
        (props.mounts ?? []).forEach((m, i) => {
          const v = m?._volume;
          if (Volume.isVolume(v) && !mine(v)) errors.push(new ModelError(p, `mounts[${i}].volume`, 'volume belongs to another System', other(v), `Create the volume in ${this.node.path}`));
        });
        for (const [key, s] of Object.entries(props.secretEnv ?? {})) {
          if (Secret.isSecret(s) && !mine(s)) errors.push(new ModelError(p, `secretEnv.${key}`, 'secret belongs to another System', other(s), `Create the secret in ${this.node.path}`));
        }
        const cred = props.image?._credentials;
        if (Secret.isSecret(cred) && !mine(cred)) errors.push(new ModelError(p, 'image.credentials', 'secret belongs to another System', other(cred), `Create the secret in ${this.node.path}`));
      }
    }
  }

  /** Compose names a sidecar `<workload>-<sidecar>`: that name must not be taken. */
  private checkSidecarNames(workloads: Workload[], errors: ModelError[]): void {
    const names = new Set(workloads.map((w) => w.name));
    for (const w of workloads) {
      for (const s of w._sidecars) {
        if (s.name === w.name) {
          errors.push(new ModelError(s.node.path, 'name', 'a sidecar cannot have the name of its workload, which the main container carries', s.name, 'Give the sidecar a name of its own'));
        }
        const full = `${w.name}-${s.name}`;
        if (names.has(full)) {
          errors.push(new ModelError(s.node.path, 'name', `sidecar name ${JSON.stringify(full)} is taken by a workload`, full, 'Rename the sidecar or the workload'));
        }
        if (full.length > 63) errors.push(new ModelError(s.node.path, 'name', `'<workload>-<sidecar>' must be at most 63 characters`, full, 'Shorten the sidecar name'));
      }
    }
  }

  /** One host port and protocol is published by one workload of the System: the host has it once. */
  private checkHostPorts(workloads: Workload[], errors: ModelError[]): void {
    const owners = new Map<string, string>();
    for (const w of [...workloads].sort((a, b) => compareNames(a.name, b.name))) {
      w._main.ports.forEach((p, i) => {
        if (p.publish !== 'fixed') return;
        const key = `${p.hostPort}/${p.protocol}`;
        const owner = owners.get(key);
        if (owner !== undefined) {
          errors.push(new ModelError(w.node.path, `ports[${i}].hostPort`, `host port already published by ${owner}`, key, 'Publish each host port and protocol once in a System'));
        } else owners.set(key, w.node.path);
      });
    }
  }

  /** Compose passes a secret through its environment variable: two secrets cannot share one. */
  private checkSecretEnvNames(secrets: Secret[], errors: ModelError[]): void {
    const owners = new Map<string, string>();
    for (const s of [...secrets].sort((a, b) => compareNames(a.name, b.name))) {
      const owner = owners.get(s.envName);
      if (owner !== undefined) {
        errors.push(new ModelError(s.node.path, 'envName', `environment variable already carries ${owner}`, s.envName, 'Give each secret its own envName'));
      } else owners.set(s.envName, s.node.path);
    }
  }

  private checkCycles(workloads: Workload[], errors: ModelError[]): void {
    const state = new Map<Workload, 'visiting' | 'done'>();
    const stack: Workload[] = [];
    const visit = (w: Workload): boolean => {
      if (state.get(w) === 'done') return false;
      if (state.get(w) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(w)), w].map((x) => x.name);
        errors.push(new ModelError(w.node.path, 'dependsOn', 'dependency cycle', cycle.join(' -> '), 'Remove one of the dependencies'));
        return true;
      }
      state.set(w, 'visiting');
      stack.push(w);
      for (const d of w._dependsOn) {
        const t = d.target as unknown as Workload;
        if (!Workload.isWorkload(t) || t === w) continue; // reported by _checkLinks
        if (t.node.root === this && visit(t)) return true;
      }
      stack.pop();
      state.set(w, 'done');
      return false;
    };
    for (const w of [...workloads].sort((a, b) => compareNames(a.name, b.name))) if (visit(w)) return;
  }
}

/** Ephemeral volumes are named per workload (a Pod's, a task's volumes): a sidecar's own cannot reuse a name. */
function checkEphemeralNames(w: Workload): void {
  const owners = new Map<string, string>();
  for (const m of w._main.mounts) if (m.kind === 'ephemeral') owners.set(m.name, w.node.path);
  for (const s of w._sidecars) {
    s._spec.ownMounts.forEach((m, i) => {
      if (m.kind !== 'ephemeral') return;
      const owner = owners.get(m.name);
      if (owner !== undefined) {
        throw new ModelError(s.node.path, `mounts[${i}].name`, `ephemeral volume name already used by ${owner}`, m.name, 'Give each ephemeral mount of a workload its own name, or share it with volumesFrom');
      }
      owners.set(m.name, s.node.path);
    });
  }
}

function checkRootName(name: string): string {
  return checkName('System', 'system', name);
}

function dedupe(errors: ModelError[]): ModelError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.message) ? false : (seen.add(e.message), true)));
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

const SYSTEM = Symbol.for('lading.System');
