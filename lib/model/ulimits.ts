import { ModelError } from './errors';

/** The resource limits `docker run --ulimit` takes. */
export const ULIMIT_NAMES = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'] as const;

/** One limit: a number for both the soft and the hard limit, or each; -1 is unlimited. */
export type UlimitValue = number | { readonly soft: number; readonly hard: number };

/** A limit as the spec keeps it. */
export interface UlimitSpec {
  readonly soft: number;
  readonly hard: number;
}

const FIX = 'Write e.g. { nofile: { soft: 65536, hard: 65536 }, nproc: 65535 }';

function whole(path: string, prop: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < -1) throw new ModelError(path, prop, 'a limit is a whole number, or -1 for unlimited', v, FIX);
  return v;
}

/** `ulimits`, sorted by name: each name one Docker knows, each soft limit at most its hard limit. */
export function resolveUlimits(path: string, value: unknown): Record<string, UlimitSpec> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelError(path, 'ulimits', 'must map limit names to limits', value, FIX);
  const out: Record<string, UlimitSpec> = {};
  for (const name of Object.keys(value).sort()) {
    const prop = `ulimits.${name}`;
    if (!(ULIMIT_NAMES as readonly string[]).includes(name)) throw new ModelError(path, prop, `a limit is one of ${ULIMIT_NAMES.join(', ')}`, name, FIX);
    const v = (value as Record<string, unknown>)[name];
    const limit =
      typeof v === 'object' && v !== null && !Array.isArray(v)
        ? { soft: whole(path, `${prop}.soft`, (v as { soft?: unknown }).soft), hard: whole(path, `${prop}.hard`, (v as { hard?: unknown }).hard) }
        : { soft: whole(path, prop, v), hard: whole(path, prop, v) };
    if (limit.hard !== -1 && (limit.soft === -1 || limit.soft > limit.hard)) {
      throw new ModelError(path, prop, 'the soft limit must not exceed the hard limit', v, `Write e.g. { soft: ${limit.hard}, hard: ${limit.hard} }`);
    }
    out[name] = limit;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
