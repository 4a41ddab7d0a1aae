import type { Chart } from 'cdk8s';
import type * as kplus from 'cdk8s-plus-27';
import type { SystemSpec } from '../../model/spec';
import type { SecretResolver } from './container';
import type { Findings } from './diagnostics';

/** What every part of one app's rendering shares. */
export interface ChartContext {
  readonly chart: Chart;
  readonly spec: SystemSpec;
  readonly findings: Findings;
  readonly claims: ReadonlyMap<string, kplus.PersistentVolumeClaim>;
  readonly secrets: SecretResolver;
  /** The Kubernetes Secret that holds a model Secret: its existing name, or its own name. */
  secretName(secret: string): string;
  /**
   * Records an object's name for the check: at most `max` characters (a DNS-1123 label up to 63, a subdomain
   * above) and unique among objects of its kind. False (and an error diagnostic) when it is not: the caller
   * then leaves the object out.
   */
  name(kind: string, name: string, path: string, max: number): boolean;
  /** Runs once every construct is in place: overrides read each object's final JSON. */
  defer(step: () => void): void;
}
