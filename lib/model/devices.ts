import { ModelError } from './errors';
import type { DeviceSpec } from './spec';

const EXAMPLE = "Write e.g. ['/dev/dri', '/dev/net/tun:/dev/net/tun:rwm']";

/**
 * Host devices given to the main container, in `docker run --device` notation (`host[:container[:permissions]]`),
 * in the order given; undefined when none is given.
 */
export function resolveDevices(path: string, value: unknown): DeviceSpec[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ModelError(path, 'devices', 'must be a list of devices', value, EXAMPLE);
  const out = value.map((v, i) => {
    const parts = typeof v === 'string' ? v.split(':') : [];
    const [hostPath, containerPath = hostPath, permissions = 'rwm'] = parts;
    const absolute = (p: string | undefined) => p !== undefined && p.startsWith('/') && !/\s/.test(p);
    if (parts.length < 1 || parts.length > 3 || !absolute(hostPath) || !absolute(containerPath) || !/^[rwm]{1,3}$/.test(permissions)) {
      throw new ModelError(path, `devices[${i}]`, 'a device is an absolute host path, then optionally :container path and :permissions (r, w, m)', v, EXAMPLE);
    }
    return { hostPath, containerPath, permissions };
  });
  return out.length > 0 ? out : undefined;
}

/** A device as `docker run --device` writes it: the host path alone where nothing else differs. */
export function deviceText(d: DeviceSpec): string {
  if (d.permissions !== 'rwm') return `${d.hostPath}:${d.containerPath}:${d.permissions}`;
  return d.containerPath === d.hostPath ? d.hostPath : `${d.hostPath}:${d.containerPath}`;
}
