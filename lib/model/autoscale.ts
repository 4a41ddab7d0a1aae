import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import type { AutoscaleSpec } from './spec';

/**
 * How many copies of a service run, between `min` and `max`, chosen by the platform to keep the average CPU or
 * memory use near a percentage of what each copy reserves. Excludes `replicas`.
 */
export interface Autoscale {
  /** The fewest copies; what Compose, Swarm and docker run, as they do not scale. */
  readonly min: number;
  /** The most copies. */
  readonly max: number;
  /**
   * Keep the average CPU use near this percentage (Kubernetes: of the CPU request; ECS: of the task's CPU).
   * @default - not a scaling signal; give cpuPercent, memoryPercent or both
   */
  readonly cpuPercent?: number;
  /**
   * Keep the average memory use near this percentage (Kubernetes: of the memory request; ECS: of the task's memory).
   * @default - not a scaling signal; give cpuPercent, memoryPercent or both
   */
  readonly memoryPercent?: number;
}

const AUTOSCALE_PROPS = propNames<Autoscale>({ min: true, max: true, cpuPercent: true, memoryPercent: true });

/** Checks `autoscale` and resolves it; undefined when the service does not scale. */
export function resolveAutoscale(path: string, a: Autoscale | undefined, replicas: unknown): AutoscaleSpec | undefined {
  if (a === undefined) return undefined;
  if (typeof a !== 'object' || a === null) throw new ModelError(path, 'autoscale', 'must be an object', a, 'Write e.g. autoscale: { min: 2, max: 10, cpuPercent: 70 }');
  checkKnownProps(path, 'autoscale', a, AUTOSCALE_PROPS);
  if (replicas !== undefined) {
    throw new ModelError(path, 'replicas', 'a service that autoscales has no fixed replicas', replicas, 'Remove replicas: autoscale.min is how many copies run at least');
  }
  const whole = (prop: 'min' | 'max', from: number) => {
    const v = a[prop];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < from || v > 1000) {
      throw new ModelError(path, `autoscale.${prop}`, `must be a whole number from ${from} to 1000`, v, `Write e.g. autoscale: { min: 2, max: 10, cpuPercent: 70 }`);
    }
    return v;
  };
  const min = whole('min', 1);
  const max = whole('max', 1);
  if (max < min) throw new ModelError(path, 'autoscale.max', `must be at least min (${min})`, max, `Raise max to ${min} or more`);
  const percent = (prop: 'cpuPercent' | 'memoryPercent') => {
    const v = a[prop];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 100) {
      throw new ModelError(path, `autoscale.${prop}`, 'must be a whole percentage from 1 to 100', v, `Write e.g. ${prop}: 70`);
    }
    return v;
  };
  const cpuPercent = percent('cpuPercent');
  const memoryPercent = percent('memoryPercent');
  if (cpuPercent === undefined && memoryPercent === undefined) {
    throw new ModelError(path, 'autoscale', 'needs a signal to scale on: cpuPercent, memoryPercent or both', a, 'Add e.g. cpuPercent: 70');
  }
  return { min, max, ...(cpuPercent !== undefined ? { cpuPercent } : {}), ...(memoryPercent !== undefined ? { memoryPercent } : {}) };
}
