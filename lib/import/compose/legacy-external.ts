import { asString, entry, type ImportContext } from './context';
import type { LocatedMap } from './located';

/** `external: true`, or the legacy `external: { name: x }` that docker-compose still accepts: the name, or undefined. */
export function legacyExternalName(ctx: ImportContext, map: LocatedMap, keyPath: string): string | undefined {
  const e = entry(map, 'external');
  if (!e || e.value.kind !== 'map') return undefined;
  const n = entry(e.value, 'name');
  return n ? asString(ctx, n.value, `${keyPath}.external.name`) : undefined;
}
