import { ModelError } from './errors';

const KEY = /^[a-z0-9_]+(?:[./][a-z0-9_-]+)+$/;

/** Kernel parameters of the container's namespaces, sorted by name; undefined when none is given. */
export function resolveSysctls(path: string, value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelError(path, 'sysctls', 'must map kernel parameters to values', value, "Write e.g. { 'net.core.somaxconn': '1024' }");
  }
  const out: Record<string, string> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (!KEY.test(key) || (typeof v !== 'string' && typeof v !== 'number')) {
      throw new ModelError(path, `sysctls.${key}`, 'a kernel parameter is a dotted name with a string or number value', v, "Write e.g. { 'net.core.somaxconn': '1024' }");
    }
    out[key] = String(v);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
