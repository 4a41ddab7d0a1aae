import { Construct } from 'constructs';
import { CONTAINER_PROP_KEYS, ContainerProps, resolveContainer } from './container';
import { checkKnownProps, propNames, type PropKeys } from './known-props';
import { Dependable, Dependency } from './dependency';
import { isSuppressibleCode, LINT_RULES, SuppressibleCode } from './lint-rules';
import { ModelError } from './errors';
import { resolveRuntime, RUNTIME_PROP_KEYS, type RuntimeProps, type RuntimeSpec } from './runtime';
import { checkName, compareNames, uniqueId } from './names';
import { Network } from './network';
import { Port } from './port';
import { Sidecar, SidecarProps } from './sidecar';
import type { ContainerSpec, DependencySpec, RestartSpec, SuppressionSpec } from './spec';

/** What services and jobs have in common beyond their container. */
export interface WorkloadProps extends ContainerProps, RuntimeProps {
  /**
   * Networks to join (`--network`). Workloads reach each other by name only through a shared network.
   * @default - the system's `default` network
   */
  readonly networks?: Network[];
  /**
   * Start order, with a condition (Compose `depends_on`).
   * @default - none
   */
  readonly dependsOn?: Dependency[];
  /**
   * Use the host's network stack (`--network host`): flagged on every target; an error on Fargate. Excludes
   * `networks` and `ports`.
   * @default false
   */
  readonly hostNetwork?: boolean;
  /**
   * Lint rules (see docs/diagnostics.md, area Lint) or a target's warning and info codes turned off for this
   * workload and its sidecars, each with the reason: `{ 'lint/no-resource-limits': 'bursty batch' }`.
   * Target errors are never turned off. `lading check` lists what was turned off, and why.
   * @default - every rule applies
   */
  readonly suppress?: Partial<Record<SuppressibleCode, string>>;
}

/** The props of every workload, for the unknown-prop check of Service and Job. */
export const WORKLOAD_PROP_KEYS: PropKeys<WorkloadProps> = { ...CONTAINER_PROP_KEYS, networks: true, dependsOn: true, hostNetwork: true, suppress: true, ...RUNTIME_PROP_KEYS };
const WORKLOAD_PROPS = propNames(WORKLOAD_PROP_KEYS);

/** A Service or a Job: a main container, optional sidecars, networks and dependencies. */
export abstract class Workload extends Construct implements Dependable {
  static isWorkload(x: unknown): x is Workload {
    return typeof x === 'object' && x !== null && (x as { [WORKLOAD]?: boolean })[WORKLOAD] === true;
  }

  /** @internal */
  public abstract readonly _workloadKind: 'service' | 'job';
  public readonly name: string;
  /** @internal */
  public readonly _main: ContainerSpec;
  /** @internal */
  public readonly _props: WorkloadProps;
  /** @internal The sidecars, in the order they were added (`addSidecar` or `new Sidecar(workload, ...)`). */
  public get _sidecars(): Sidecar[] {
    return this.node.children.filter((c): c is Sidecar => c instanceof Sidecar && c._spec !== undefined); // not one whose constructor threw
  }
  /** @internal */
  public readonly _networks: readonly Network[];
  /** @internal */
  public readonly _dependsOn: readonly Dependency[];
  /** @internal */
  public readonly _suppressions: readonly SuppressionSpec[];
  /** @internal containerName, hostname, stop and platform, resolved. */
  public readonly _runtime: RuntimeSpec;

  protected constructor(scope: Construct, id: string, props: WorkloadProps, ports: readonly Port[] | undefined, kind: string, knownProps: readonly string[] = WORKLOAD_PROPS, refusedLater: readonly string[] = []) {
    super(scope, uniqueId(scope, id));
    Object.defineProperty(this, WORKLOAD, { value: true });
    const path = this.node.path;
    this.name = checkName(path, kind, id);
    // a top-level `user` gets its own message: it moved to security.user
    checkKnownProps(path, '', props, knownProps, [...refusedLater, 'user']);
    this._props = props;
    this._main = resolveContainer(this.name, path, props, ports);
    this._runtime = resolveRuntime(path, props, (props as { replicas?: number }).replicas ?? 1);
    const networks = props?.networks ?? [];
    if (!Array.isArray(networks)) throw new ModelError(path, 'networks', 'must be a list of Networks', networks, 'Write e.g. networks: [backend]');
    this._networks = networks;
    if (props.hostNetwork !== undefined && typeof props.hostNetwork !== 'boolean') {
      throw new ModelError(path, 'hostNetwork', 'must be true or false', props.hostNetwork, 'Write hostNetwork: true or leave it out');
    }
    const deps = props.dependsOn ?? [];
    if (!Array.isArray(deps)) throw new ModelError(path, 'dependsOn', 'must be a list of Dependency', deps, 'Write e.g. dependsOn: [Dependency.healthy(db)]');
    this._dependsOn = deps;
    this._checkLinks();
    const suppress = (props.suppress ?? {}) as Record<string, unknown>;
    if (typeof suppress !== 'object' || suppress === null || Array.isArray(suppress)) {
      throw new ModelError(path, 'suppress', 'must map rule codes to reasons', suppress, "Write e.g. { 'lint/no-resource-limits': 'sized by the platform' }");
    }
    this._suppressions = Object.keys(suppress)
      .sort()
      .map((rule) => {
        if (!isSuppressibleCode(rule)) {
          const known = rule.startsWith('lint/') ? `Use one of ${LINT_RULES.join(', ')}` : 'Use a lint rule (lint/...) or a target code (compose/..., kubernetes/..., ecs/..., docker/...)';
          throw new ModelError(path, `suppress.${rule}`, 'unknown rule', rule, known);
        }
        const reason = suppress[rule];
        if (typeof reason !== 'string' || reason.trim() === '') {
          throw new ModelError(path, `suppress.${rule}`, 'give the reason for turning the rule off', reason, "Write e.g. { 'lint/no-resource-limits': 'sized by the platform' }");
        }
        return { rule, reason };
      });
  }

  /**
   * @internal Checks networks and dependencies. The lists are kept as given, so a dependency pushed after
   * construction (the only way to close a cycle) counts; the whole-tree validation runs this again.
   */
  public _checkLinks(): void {
    const path = this.node.path;
    const networks = this._networks;
    networks.forEach((n, i) => {
      if (!Network.isNetwork(n)) throw new ModelError(path, `networks[${i}]`, 'must be a Network', n, 'Create it with new Network(system, name)');
      if (networks.indexOf(n) !== i) throw new ModelError(path, `networks[${i}]`, 'network listed twice', n.name, 'List each network once');
    });
    if (this._props.hostNetwork && networks.length > 0) {
      throw new ModelError(path, 'networks', 'a workload on the host network cannot join networks', networks.map((n) => n.name), 'Remove networks or hostNetwork');
    }
    const deps = this._dependsOn;
    deps.forEach((d, i) => {
      if (!(d instanceof Dependency) || !Workload.isWorkload(d.target)) {
        throw new ModelError(path, `dependsOn[${i}]`, 'must be a Dependency on a Service or Job', d, 'Use Dependency.started(db), .healthy(db) or .completed(job)');
      }
      if ((d.target as unknown) === this) throw new ModelError(path, `dependsOn[${i}]`, 'a workload cannot depend on itself', d.target.name, 'Remove the dependency');
      if (d.condition === 'completed' && d.target._workloadKind !== 'job') {
        throw new ModelError(path, `dependsOn[${i}]`, 'only a Job can complete', d.target.name, 'Use Dependency.started or Dependency.healthy for a Service');
      }
      if (d.condition === 'healthy' && (d.target as Workload)._main?.health === undefined) {
        throw new ModelError(path, `dependsOn[${i}]`, 'a healthy dependency needs a health check', d.target.name, `Give ${d.target.name} a health check or use Dependency.started`);
      }
      if (deps.findIndex((o) => o.target === d.target) !== i) {
        throw new ModelError(path, `dependsOn[${i}]`, 'dependency listed twice', d.target.name, 'List each dependency once');
      }
    });
  }

  /**
   * Adds a container that runs beside the main one, sharing its network namespace (reachable on localhost)
   * and, with `volumesFrom`, its volumes: Docker's `--network container:` and `--volumes-from`.
   */
  public addSidecar(id: string, props: SidecarProps): Sidecar {
    return new Sidecar(this, id, props);
  }

  /** @internal */
  public _dependencySpecs(): DependencySpec[] {
    return this._dependsOn
      .map((d) => ({ name: d.target.name, kind: d.target._workloadKind, condition: d.condition }))
      .sort((a, b) => compareNames(a.name, b.name));
  }

  /** @internal */
  public abstract _restart(): RestartSpec;
}

const WORKLOAD = Symbol.for('lading.Workload');
