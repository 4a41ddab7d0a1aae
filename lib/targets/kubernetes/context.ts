import type { Chart } from 'cdk8s';
import type * as kplus from 'cdk8s-plus-27';
import type { Reporter } from '../../diagnostics/reporter';
import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import type { KubernetesCode } from './codes';
import type { SecretResolver } from './container';
import type { NameRegistry } from './names';

/** Records the target's findings: a code outside KUBERNETES_CODES fails `tsc`. */
export type KubernetesReporter = Reporter<KubernetesCode>;

/** What every part of one app's rendering shares. */
export interface ChartContext {
  readonly chart: Chart;
  readonly spec: SystemSpec;
  /** The spec's services and jobs by name. */
  readonly workloads: ReadonlyMap<string, WorkloadSpec>;
  readonly reporter: KubernetesReporter;
  readonly claims: ReadonlyMap<string, kplus.PersistentVolumeClaim>;
  readonly secrets: SecretResolver;
  /** The ConfigMap of each config file some workload mounts, by config file name. */
  readonly configMaps: ReadonlyMap<string, kplus.IConfigMap>;
  /** The Kubernetes Secret that holds a model Secret: its existing name, or its own name. */
  secretName(secret: string): string;
  /** The names lading derives, checked: an object whose name is refused is left out. */
  readonly names: NameRegistry;
  /** Runs once every construct is in place: overrides read each object's final JSON. */
  defer(step: () => void): void;
}
