import { ModelError } from './errors';

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** Linux keeps at most 64 characters of a host name (HOST_NAME_MAX). */
const MAX_LENGTH = 64;

/** Whether `value` is a host name a container can take: DNS labels joined by dots, e.g. `web1` or `mail.example.com`. */
export function isHostname(value: string): boolean {
  return value.length <= MAX_LENGTH && value.split('.').every((label) => LABEL.test(label));
}

/** The host name a workload's container sees as its own (`docker run --hostname`): one DNS label, or several joined by dots. */
export function resolveHostname(path: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isHostname(value)) {
    throw new ModelError(path, 'hostname', `must be DNS labels joined by dots: lowercase letters, digits, - and ., at most ${MAX_LENGTH}`, value, "Write e.g. 'web1' or 'mail.example.com'");
  }
  return value;
}
