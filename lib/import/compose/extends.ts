import * as path from 'path';
import { asMap, asString, entry, fail, type ImportContext } from './context';
import type { Located, LocatedEntry, LocatedMap } from './located';
import { parseComposeText } from './parse';
import { outsideFileDir } from './paths';
import { readInput } from './read-input';

/** Keys whose value replaces the base's instead of merging with it. */
const REPLACED = new Set(['command', 'entrypoint', 'test', 'image', 'build.context', 'user', 'working_dir']);
/** Keys whose list form (`A=b`) merges as a mapping. */
const KEYED_LISTS = new Set(['environment', 'labels', 'args']);

/** The services of one Compose file: the imported one (`key` empty) or one that an `extends.file` names. */
interface ServiceSource {
  /** The absolute path of the file; empty for the imported file. */
  readonly key: string;
  /** The file as messages name it. */
  readonly display: string;
  /** Its folder: its relative paths start there. */
  readonly dir: string;
  readonly services: ReadonlyMap<string, LocatedMap>;
}

/**
 * Resolves `extends`: a service starts from the service it extends, then its own keys merge over it, as Compose
 * merges them: mappings key by key, lists appended (volumes by target), other values replaced. `extends.file`
 * names another Compose file, relative to the file that names it; its service is resolved with its own extends
 * chain, and its relative paths are made relative to the extending file. A cycle, across files too, is refused.
 */
export function resolveExtends(ctx: ImportContext, services: ReadonlyMap<string, LocatedMap>): Map<string, LocatedMap> {
  const main: ServiceSource = { key: '', display: ctx.file, dir: ctx.fileDir, services };
  const files = new Map<string, ServiceSource>();
  const done = new Map<string, LocatedMap>();
  const label = (src: ServiceSource, name: string): string => (src.key === '' ? name : `${src.display}#${name}`);
  const resolve = (src: ServiceSource, name: string, stack: ReadonlyArray<{ readonly id: string; readonly label: string }>): LocatedMap => {
    const id = `${src.key}#${name}`;
    const known = done.get(id);
    if (known) return known;
    const own = src.services.get(name) as LocatedMap;
    const ext = entry(own, 'extends');
    if (!ext) {
      done.set(id, own);
      return own;
    }
    const p = `services.${name}.extends`;
    const here = src.key === '' ? ctx : { ...ctx, file: src.display };
    let from = src;
    let base: string;
    if (ext.value.kind === 'map') {
      const map = asMap(here, ext.value, p);
      const file = entry(map, 'file');
      if (file) from = load(here, files, src, asString(here, file.value, `${p}.file`), `${p}.file`, file.line);
      const s = entry(map, 'service');
      if (!s) fail(here, p, ext.line, 'extends needs a service');
      base = asString(here, s.value, `${p}.service`);
    } else base = asString(here, ext.value, p);
    if (!from.services.has(base)) {
      fail(here, p, ext.line, `extends service ${JSON.stringify(base)}, which is not defined in ${from.key === '' && src.key === '' ? 'this file' : from.display}`);
    }
    const baseId = `${from.key}#${base}`;
    const next = [...stack, { id: baseId, label: label(from, base) }];
    if (stack.some((x) => x.id === baseId)) fail(here, p, ext.line, `extends forms a cycle: ${next.map((x) => x.label).join(' -> ')}`);
    let resolvedBase = resolve(from, base, next);
    if (from.dir !== src.dir) resolvedBase = rebased(resolvedBase, from.dir, src.dir);
    if (from !== src) resolvedBase = relocated(resolvedBase, ext.line) as LocatedMap;
    const merged = merge(resolvedBase, withoutKey(own, 'extends'), '') as LocatedMap;
    done.set(id, merged);
    return merged;
  };
  const out = new Map<string, LocatedMap>();
  for (const name of services.keys()) out.set(name, resolve(main, name, [{ id: `#${name}`, label: name }]));
  return out;
}

/** The services of the file that `written` names, relative to the file `from`; read and parsed once. */
function load(ctx: ImportContext, files: Map<string, ServiceSource>, from: ServiceSource, written: string, keyPath: string, line: number): ServiceSource {
  const abs = path.resolve(from.dir, written);
  const known = files.get(abs);
  if (known) return known;
  if (outsideFileDir(ctx, abs) && !ctx.allowOutsideFiles) {
    fail(
      ctx,
      keyPath,
      line,
      `extends file ${written} is outside the folder of the Compose file (got ${abs}): its values would be written into every output, so it is not read. Move it beside the Compose file, or pass --allow-outside-files to read it.`,
      'import/outside-file',
    );
  }
  const display = path.relative(process.cwd(), abs) || abs;
  const top = parseComposeText({ file: display }, readInput(ctx, abs, { display: `extends file ${written}`, keyPath, line }));
  const servicesEntry = entry(top, 'services');
  const services = new Map<string, LocatedMap>();
  if (servicesEntry) {
    const map = asMap({ ...ctx, file: display }, servicesEntry.value, 'services');
    for (const [name, e] of map.entries) services.set(name, { ...asMap({ ...ctx, file: display }, e.value, `services.${name}`), line: e.line });
  }
  const source: ServiceSource = { key: abs, display, dir: path.dirname(abs), services };
  files.set(abs, source);
  return source;
}

/** Every node of a tree placed on `line`: a value inherited from another file is reported where `extends` is. */
function relocated(node: Located, line: number): Located {
  if (node.kind === 'scalar') return { ...node, line };
  if (node.kind === 'seq') return { ...node, line, items: node.items.map((i) => relocated(i, line)) };
  const entries = new Map<string, LocatedEntry>();
  for (const [k, e] of node.entries) entries.set(k, { line, value: relocated(e.value, line) });
  return { ...node, line, entries };
}

/** The relative host paths of a service (build context, env_file, bind mounts) moved from folder `from` to `to`. */
function rebased(service: LocatedMap, from: string, to: string): LocatedMap {
  const move = (node: Located, isPath: (text: string) => boolean = () => true): Located => {
    if (node.kind !== 'scalar' || typeof node.value !== 'string' || path.isAbsolute(node.value) || node.value.startsWith('~') || !isPath(node.value)) return node;
    const rel = path.relative(to, path.resolve(from, node.value)).split(path.sep).join('/');
    return { ...node, value: rel === '' ? '.' : rel.startsWith('.') ? rel : `./${rel}` };
  };
  const entries = new Map(service.entries);
  const update = (key: string, f: (n: Located) => Located): void => {
    const e = entries.get(key);
    if (e) entries.set(key, { ...e, value: f(e.value) });
  };
  const inMap = (node: Located, key: string, f: (n: Located) => Located): Located => {
    if (node.kind !== 'map') return node;
    const e = node.entries.get(key);
    return e ? { ...node, entries: new Map(node.entries).set(key, { ...e, value: f(e.value) }) } : node;
  };
  update('build', (n) => (n.kind === 'map' ? inMap(n, 'context', (c) => move(c)) : move(n)));
  update('env_file', (n) => {
    const one = (x: Located): Located => (x.kind === 'map' ? inMap(x, 'path', (c) => move(c)) : move(x));
    return n.kind === 'seq' ? { ...n, items: n.items.map(one) } : one(n);
  });
  update('volumes', (n) => {
    if (n.kind !== 'seq') return n;
    const bind = (text: string): boolean => text.startsWith('.');
    const one = (x: Located): Located => {
      if (x.kind === 'map') return inMap(x, 'source', (c) => move(c, bind));
      if (x.kind !== 'scalar' || typeof x.value !== 'string' || !bind(x.value)) return x;
      const colon = x.value.indexOf(':');
      const source = move({ ...x, value: colon < 0 ? x.value : x.value.slice(0, colon) }) as { value: string };
      return { ...x, value: colon < 0 ? source.value : `${source.value}${x.value.slice(colon)}` };
    };
    return { ...n, items: n.items.map(one) };
  });
  return { ...service, entries };
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
