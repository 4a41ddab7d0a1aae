import { Construct } from 'constructs';
import { type Autoscale, resolveAutoscale } from './autoscale';
import { ModelError } from './errors';
import { Port } from './port';
import type { AutoscaleSpec, RestartSpec } from './spec';
import { propNames } from './known-props';
import { serviceRestart, type ServiceRestart } from './service-restart';
import { Workload, WORKLOAD_PROP_KEYS, WorkloadProps } from './workload';

export interface ServiceProps extends WorkloadProps {
  /**
   * Ports the service listens on. Unpublished ports are reachable by name from shared networks.
   * @default - none
   */
  readonly ports?: Port[];
  /**
   * How many copies run (`deploy.replicas`, Kubernetes `replicas`, ECS `desiredCount`).
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Restart policy of a long-running service (`--restart`). Kubernetes and ECS always restart: `unless-stopped`,
   * `on-failure[:N]` and `no` become a restart-always with an info diagnostic there.
   * @default 'always'
   */
  readonly restart?: ServiceRestart;
  /**
   * Let the platform choose the number of copies, from `min` to `max`, on CPU or memory use: a Kubernetes
   * HorizontalPodAutoscaler, ECS target tracking. Compose, Swarm and docker run `min` copies, with a diagnostic.
   * Excludes `replicas`.
   * @default - a fixed number of replicas
   */
  readonly autoscale?: Autoscale;
  /**
   * `'global'` runs one copy on every node (Swarm's `deploy.mode: global`): a Kubernetes DaemonSet, an ECS daemon
   * service on EC2 (Fargate has no nodes: one task, with a diagnostic); Compose and docker run one container on their
   * single host. Excludes `replicas` and `autoscale`.
   * @default 'replicated'
   */
  readonly mode?: 'replicated' | 'global';
}

const SERVICE_PROPS = propNames<ServiceProps>({ ...WORKLOAD_PROP_KEYS, ports: true, replicas: true, restart: true, autoscale: true, mode: true });

/** A long-running service: `docker run -d --restart=always`, a Deployment, an ECS service. */
export class Service extends Workload {
  /** @internal */
  public readonly _workloadKind = 'service' as const;
  public readonly replicas: number;
  /** @internal */
  public readonly _autoscale?: AutoscaleSpec;
  /** @internal */
  public readonly _global: boolean;
  private readonly restart: RestartSpec;

  constructor(scope: Construct, id: string, props: ServiceProps) {
    super(scope, id, props, props?.ports, 'service', SERVICE_PROPS);
    const path = this.node.path;
    this._global = globalMode(path, props);
    this._autoscale = resolveAutoscale(path, props.autoscale, props.replicas);
    this.replicas = this._autoscale?.min ?? props.replicas ?? 1;
    if (!Number.isInteger(this.replicas) || this.replicas < 0 || this.replicas > 1000) {
      throw new ModelError(path, 'replicas', 'must be a whole number from 0 to 1000', props.replicas, 'Use e.g. 2');
    }
    this.restart = serviceRestart(path, props.restart ?? 'always');
    if (props.hostNetwork && (props.ports ?? []).length > 0) {
      throw new ModelError(path, 'ports', 'a service on the host network listens on host ports directly and declares no ports', (props.ports ?? []).length, 'Remove ports or hostNetwork');
    }
  }

  /** @internal */
  public _restart(): RestartSpec {
    return this.restart;
  }
}

/** Whether the service runs one copy per node; a global service has no replicas to choose. */
function globalMode(path: string, props: ServiceProps): boolean {
  const mode = props.mode ?? 'replicated';
  if (mode !== 'replicated' && mode !== 'global') throw new ModelError(path, 'mode', "mode is 'replicated' or 'global'", mode, "Write mode: 'global' for one copy per node");
  if (mode === 'global' && props.replicas !== undefined) {
    throw new ModelError(path, 'replicas', 'a global service runs one copy per node and has no replicas', props.replicas, "Remove replicas, or mode: 'global'");
  }
  if (mode === 'global' && props.autoscale !== undefined) {
    throw new ModelError(path, 'autoscale', 'a global service runs one copy per node and does not autoscale', props.autoscale, "Remove autoscale, or mode: 'global'");
  }
  return mode === 'global';
}
