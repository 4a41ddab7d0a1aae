import { asMap, asString, at, entry, fail, type ImportContext } from './context';
import type { Located, LocatedEntry, LocatedMap } from './located';

/** Keys whose value replaces the base's instead of merging with it. */
const REPLACED = new Set(['command', 'entrypoint', 'test', 'image', 'build.context', 'user', 'working_dir']);
/** Keys whose list form (`A=b`) merges as a mapping. */
const KEYED_LISTS = new Set(['environment', 'labels', 'args']);

/**
 * Resolves `extends` within the file: a service starts from the service it extends, then its own keys merge over
 * it, as Compose merges them: mappings key by key, lists appended (volumes by target), other values replaced.
 * `extends.file` is not followed (a diagnostic says so).
 */
export function resolveExtends(ctx: ImportContext, services: ReadonlyMap<string, LocatedMap>): Map<string, LocatedMap> {
  const done = new Map<string, LocatedMap>();
  const resolve = (name: string, stack: string[]): LocatedMap => {
    const known = done.get(name);
    if (known) return known;
    const own = services.get(name) as LocatedMap;
    const keyPath = `services.${name}`;
    const ext = entry(own, 'extends');
    if (!ext) {
      done.set(name, own);
      return own;
    }
    const p = `${keyPath}.extends`;
    let base: string;
    if (ext.value.kind === 'map') {
      const map = asMap(ctx, ext.value, p);
      const file = entry(map, 'file');
      if (file) {
        ctx.reporter.report(
          'import/unsupported-key',
          at(ctx, `${p}.file`, file.line),
          `extending a service of another file (${asString(ctx, file.value, `${p}.file`)}) is not followed: only this file is imported.`,
          'Copy the base service into this file, or merge the files first with `docker compose config`.',
        );
        const without = withoutKey(own, 'extends');
        done.set(name, without);
        return without;
      }
      const s = entry(map, 'service');
      if (!s) fail(ctx, p, ext.line, 'extends needs a service');
      base = asString(ctx, s.value, `${p}.service`);
    } else base = asString(ctx, ext.value, p);
    if (!services.has(base)) fail(ctx, p, ext.line, `extends service ${JSON.stringify(base)}, which is not defined in this file`);
    if (stack.includes(base)) fail(ctx, p, ext.line, `extends forms a cycle: ${[...stack, base].join(' -> ')}`);
    const merged = merge(resolve(base, [...stack, base]), withoutKey(own, 'extends'), '');
    done.set(name, merged as LocatedMap);
    return merged as LocatedMap;
  };
  for (const name of services.keys()) resolve(name, [name]);
  return done;
}

function withoutKey(map: LocatedMap, key: string): LocatedMap {
  const entries = new Map(map.entries);
  entries.delete(key);
  return { ...map, entries };
}

function merge(base: Located, own: Located, key: string): Located {
  const leaf = key.split('.').pop() ?? '';
  if (REPLACED.has(key) || REPLACED.has(leaf)) return own;
  if (KEYED_LISTS.has(leaf) && (base.kind === 'seq' || own.kind === 'seq')) return merge(asKeyed(base), asKeyed(own), `${key}#`);
  if (base.kind === 'map' && own.kind === 'map') {
    const entries = new Map<string, LocatedEntry>(base.entries);
    for (const [k, e] of own.entries) {
      const b = entries.get(k);
      entries.set(k, b ? { line: e.line, value: merge(b.value, e.value, key ? `${key}.${k}` : k) } : e);
    }
    return { ...own, entries };
  }
  if (base.kind === 'seq' && own.kind === 'seq') {
    if (leaf === 'volumes') {
      const targetOf = (n: Located): string | undefined => {
        if (n.kind === 'map') return String((n.entries.get('target')?.value as { value?: unknown } | undefined)?.value ?? '');
        return n.kind === 'scalar' ? (String(n.value).split(':')[1] ?? String(n.value)) : undefined;
      };
      const mine = new Set(own.items.map(targetOf));
      return { ...own, items: [...base.items.filter((n) => !mine.has(targetOf(n))), ...own.items] };
    }
    const seen = new Set(own.items.filter((n) => n.kind === 'scalar').map((n) => String((n as { value: unknown }).value)));
    return { ...own, items: [...base.items.filter((n) => n.kind !== 'scalar' || !seen.has(String(n.value))), ...own.items] };
  }
  return own;
}

/** `[A=b, C]` as `{A: b, C: null}`. */
function asKeyed(node: Located): Located {
  if (node.kind !== 'seq') return node;
  const entries = new Map<string, LocatedEntry>();
  for (const item of node.items) {
    if (item.kind !== 'scalar') continue;
    const s = String(item.value);
    const eq = s.indexOf('=');
    entries.set(eq < 0 ? s : s.slice(0, eq), { line: item.line, value: { kind: 'scalar', line: item.line, value: eq < 0 ? null : s.slice(eq + 1) } });
  }
  return { kind: 'map', line: node.line, entries };
}
