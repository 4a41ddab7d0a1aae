import { asString, entry, type ImportContext } from './context';
import type { LocatedMap } from './located';

/**
 * The keys of a top-level network or volume that name what Compose does anyway: `driver: bridge` (or `overlay`,
 * a swarm's own) on a network, `driver: local` on a volume without `driver_opts`. They change nothing, so they
 * are read as handled; any other driver is left to the unhandled-key warning.
 */
export function defaultDriverKeys(ctx: ImportContext, map: LocatedMap, keyPath: string, kind: 'network' | 'volume'): string[] {
  const d = entry(map, 'driver');
  if (!d) return [];
  const driver = asString(ctx, d.value, `${keyPath}.driver`);
  if (kind === 'network' && (driver === 'bridge' || driver === 'overlay')) return ['driver'];
  if (kind === 'volume' && driver === 'local' && !entry(map, 'driver_opts')) return ['driver'];
  return [];
}

/** `external: true`, or the legacy `external: { name: x }` that docker-compose still accepts: the name, or undefined. */
export function legacyExternalName(ctx: ImportContext, map: LocatedMap, keyPath: string): string | undefined {
  const e = entry(map, 'external');
  if (!e || e.value.kind !== 'map') return undefined;
  const n = entry(e.value, 'name');
  return n ? asString(ctx, n.value, `${keyPath}.external.name`) : undefined;
}
