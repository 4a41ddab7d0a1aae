import { asString, at, entry, type ImportContext } from './context';
import type { LocatedMap } from './located';

/** `pid: host` shares the host's process namespace; sharing another container's (`service:x`) is reported and left out. */
export function hostPidOf(ctx: ImportContext, map: LocatedMap, keyPath: string): { readonly hostPid?: true } {
  const e = entry(map, 'pid');
  if (!e) return {};
  const value = asString(ctx, e.value, `${keyPath}.pid`);
  if (value === 'host') return { hostPid: true };
  if (value !== '') {
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, `${keyPath}.pid`, e.line),
      `pid ${value} has no equivalent: only the host's process namespace can be shared, so ${value} is left out.`,
      'Make it a sidecar (network_mode: service:X) to run beside X, or leave pid out.',
    );
  }
  return {};
}
