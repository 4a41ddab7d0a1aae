import { Construct } from 'constructs';
import { ContainerProps, resolveContainer } from './container';
import { Dependable, Dependency } from './dependency';
import { ModelError } from './errors';
import { checkName, uniqueId } from './names';
import { Network } from './network';
import { Port } from './port';
import { Sidecar, SidecarProps } from './sidecar';
import type { ContainerSpec, DependencySpec, RestartSpec, SuppressionSpec } from './spec';

/** What services and jobs have in common beyond their container. */
export interface WorkloadProps extends ContainerProps {
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
   * Lint rules turned off for this workload, each with the reason: `{ 'lint/no-resource-limits': 'bursty batch' }`.
   * `lading check` lists what was turned off.
   * @default - every rule applies
   */
  readonly suppress?: Record<string, string>;
}

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
  /** @internal */
  public readonly _sidecars: Sidecar[] = [];
  /** @internal */
  public readonly _networks: readonly Network[];
  /** @internal */
  public readonly _dependsOn: readonly Dependency[];
  /** @internal */
  public readonly _suppressions: readonly SuppressionSpec[];

  protected constructor(scope: Construct, id: string, props: WorkloadProps, ports: readonly Port[] | undefined, kind: string) {
    super(scope, uniqueId(scope, id));
    Object.defineProperty(this, WORKLOAD, { value: true });
    const path = this.node.path;
    this.name = checkName(path, kind, id);
    this._props = props;
    this._main = resolveContainer(this.name, path, props, ports);
    const networks = props?.networks ?? [];
    if (!Array.isArray(networks)) throw new ModelError(path, 'networks', 'must be a list of Networks', networks);
    networks.forEach((n, i) => {
      if (!Network.isNetwork(n)) throw new ModelError(path, `networks[${i}]`, 'must be a Network', n, 'Create it with new Network(system, name)');
      if (networks.indexOf(n) !== i) throw new ModelError(path, `networks[${i}]`, 'network listed twice', n.name, 'List each network once');
    });
    this._networks = networks;
    if (props.hostNetwork !== undefined && typeof props.hostNetwork !== 'boolean') {
      throw new ModelError(path, 'hostNetwork', 'must be true or false', props.hostNetwork);
    }
    if (props.hostNetwork && networks.length > 0) {
      throw new ModelError(path, 'networks', 'a workload on the host network cannot join networks', networks.map((n) => n.name), 'Remove networks or hostNetwork');
    }
    const deps = props.dependsOn ?? [];
    if (!Array.isArray(deps)) throw new ModelError(path, 'dependsOn', 'must be a list of Dependency', deps);
    deps.forEach((d, i) => {
      if (!(d instanceof Dependency) || !Workload.isWorkload(d.target)) {
        throw new ModelError(path, `dependsOn[${i}]`, 'must be a Dependency on a Service or Job', d, 'Use Dependency.started(db), .healthy(db) or .completed(job)');
      }
      if ((d.target as unknown) === this) throw new ModelError(path, `dependsOn[${i}]`, 'a workload cannot depend on itself', d.target.name);
      if (d.condition === 'completed' && d.target._workloadKind !== 'job') {
        throw new ModelError(path, `dependsOn[${i}]`, 'only a Job can complete', d.target.name, 'Use Dependency.started or Dependency.healthy for a Service');
      }
      if (deps.findIndex((o) => o.target === d.target) !== i) {
        throw new ModelError(path, `dependsOn[${i}]`, 'dependency listed twice', d.target.name, 'List each dependency once');
      }
    });
    this._dependsOn = deps;
    const suppress = props.suppress ?? {};
    this._suppressions = Object.keys(suppress)
      .sort()
      .map((rule) => {
        const reason = suppress[rule];
        if (typeof reason !== 'string' || reason.trim() === '') {
          throw new ModelError(path, `suppress.${rule}`, 'give the reason for turning the rule off', reason, "Write e.g. { 'lint/no-resource-limits': 'sized by the platform' }");
        }
        return { rule, reason };
      });
  }

  /**
   * Adds a container that runs beside the main one, sharing its network namespace (reachable on localhost)
   * and, with `volumesFrom`, its volumes: Docker's `--network container:` and `--volumes-from`.
   */
  public addSidecar(id: string, props: SidecarProps): Sidecar {
    const sidecar = new Sidecar(this, id, props);
    this._sidecars.push(sidecar);
    return sidecar;
  }

  /** @internal */
  public _dependencySpecs(): DependencySpec[] {
    return this._dependsOn
      .map((d) => ({ name: d.target.name, kind: d.target._workloadKind, condition: d.condition }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** @internal */
  public abstract _restart(): RestartSpec;
}

const WORKLOAD = Symbol.for('lading.Workload');
