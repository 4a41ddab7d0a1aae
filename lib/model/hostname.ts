import { ModelError } from './errors';

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The host name a workload's container sees as its own (`docker run --hostname`): a DNS label. */
export function resolveHostname(path: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !LABEL.test(value)) {
    throw new ModelError(path, 'hostname', 'must be a DNS label: lowercase letters, digits and -, at most 63', value, "Write e.g. 'web1'");
  }
  return value;
}
