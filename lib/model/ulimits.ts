import { ModelError } from './errors';
import type { UlimitSpec } from './spec';

/** The resource limits `docker run --ulimit` knows. */
export const ULIMIT_NAMES = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'] as const;
export type UlimitName = (typeof ULIMIT_NAMES)[number];

const EXAMPLE = 'Write e.g. { nofile: 65536, memlock: { soft: -1, hard: -1 } }';

/** Resource limits of the main container, by name, sorted; a number is both limits. Undefined when none is given. */
export function resolveUlimits(path: string, value: unknown): Record<string, UlimitSpec> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelError(path, 'ulimits', 'must map limit names to limits', value, EXAMPLE);
  const out: Record<string, UlimitSpec> = {};
  for (const name of Object.keys(value).sort()) {
    const prop = `ulimits.${name}`;
    if (!(ULIMIT_NAMES as readonly string[]).includes(name)) throw new ModelError(path, prop, `a limit is one of ${ULIMIT_NAMES.join(', ')}`, name, EXAMPLE);
    const v = (value as Record<string, unknown>)[name];
    const pair = typeof v === 'number' ? { soft: v, hard: v } : typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    const limit = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= -1;
    if (!pair || !limit(pair.soft) || !limit(pair.hard) || Object.keys(pair).some((k) => k !== 'soft' && k !== 'hard')) {
      throw new ModelError(path, prop, 'a limit is a whole number (-1 for unlimited) or { soft, hard }', v, EXAMPLE);
    }
    const soft = pair.soft as number;
    const hard = pair.hard as number;
    if (hard !== -1 && (soft === -1 || soft > hard)) throw new ModelError(path, prop, 'the soft limit cannot be above the hard limit', v, `Lower soft to ${hard} or less`);
    out[name] = { soft, hard };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
