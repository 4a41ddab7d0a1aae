import type { DependencyCondition } from './spec';

/** Anything a workload can depend on: a Service or a Job of the same System. */
export interface Dependable {
  /** @internal */
  readonly _workloadKind: 'service' | 'job';
  readonly name: string;
}

/** An ordering between workloads, as Compose's `depends_on` with a condition. */
export class Dependency {
  /** Start after the dependency has started. */
  static started(target: Dependable): Dependency {
    return new Dependency(target, 'started');
  }

  /** Start after the dependency's health check passes; the dependency must have one. */
  static healthy(target: Dependable): Dependency {
    return new Dependency(target, 'healthy');
  }

  /** Start after the dependency (a Job) has completed successfully. */
  static completed(target: Dependable): Dependency {
    return new Dependency(target, 'completed');
  }

  private constructor(public readonly target: Dependable, public readonly condition: DependencyCondition) {}
}
