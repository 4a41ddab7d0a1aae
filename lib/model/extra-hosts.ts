import { ModelError } from './errors';

const HOST = /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,252})$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*$/;

/** `host-gateway`: Docker's word for the address of the host the container runs on. */
export const HOST_GATEWAY = 'host-gateway';

/** Whether `address` is what an extra host can map to: an IPv4 or IPv6 address, or `host-gateway`. */
export function isExtraHostAddress(address: string): boolean {
  return address === HOST_GATEWAY || IPV4.test(address) || IPV6.test(address);
}

/** Whether `host` is a name an extra host can have. */
export function isExtraHostName(host: string): boolean {
  return HOST.test(host);
}

/**
 * Extra lines of the container's `/etc/hosts`, host name -> IPv4 or IPv6 address or `host-gateway`, sorted by host
 * name; undefined when none is given.
 */
export function resolveExtraHosts(path: string, value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const example = "Write e.g. { 'host.docker.internal': 'host-gateway', 'db.internal': '10.0.0.5' }";
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelError(path, 'extraHosts', 'must map host names to addresses', value, example);
  const out: Record<string, string> = {};
  for (const host of Object.keys(value).sort()) {
    const address = (value as Record<string, unknown>)[host];
    if (!isExtraHostName(host)) throw new ModelError(path, `extraHosts.${host}`, 'a host name is letters, digits, dots, dashes and underscores', host, example);
    if (typeof address !== 'string' || !isExtraHostAddress(address)) {
      throw new ModelError(path, `extraHosts.${host}`, `an address is an IPv4 or IPv6 address or '${HOST_GATEWAY}'`, address, example);
    }
    out[host] = address;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
