import { ULIMIT_NAMES } from '../../model/ulimits';
import { asMap, asNumber, at, entry, reportUnhandled, type ImportContext } from './context';
import type { LocatedMap } from './located';

/** `ulimits`: a number for both limits, or `{ soft, hard }`; a name Docker does not know is reported and left out. */
export function ulimitsOf(ctx: ImportContext, map: LocatedMap, keyPath: string): { readonly ulimits?: Readonly<Record<string, number | { soft: number; hard: number }>> } {
  const e = entry(map, 'ulimits');
  if (!e) return {};
  const p = `${keyPath}.ulimits`;
  const out: Record<string, number | { soft: number; hard: number }> = {};
  for (const [name, v] of asMap(ctx, e.value, p).entries) {
    const np = `${p}.${name}`;
    if (!(ULIMIT_NAMES as readonly string[]).includes(name)) {
      ctx.reporter.report('import/unsupported-value', at(ctx, np, v.line), `${name} is not a resource limit Docker sets: it is left out.`, `Use one of ${ULIMIT_NAMES.join(', ')}.`);
      continue;
    }
    if (v.value.kind !== 'map') {
      out[name] = asNumber(ctx, v.value, np);
      continue;
    }
    reportUnhandled(ctx, v.value, np, new Set(['soft', 'hard']));
    const soft = entry(v.value, 'soft');
    const hard = entry(v.value, 'hard');
    const s = soft ? asNumber(ctx, soft.value, `${np}.soft`) : undefined;
    const h = hard ? asNumber(ctx, hard.value, `${np}.hard`) : undefined;
    out[name] = { soft: s ?? (h as number), hard: h ?? (s as number) };
  }
  return Object.keys(out).length > 0 ? { ulimits: out } : {};
}
