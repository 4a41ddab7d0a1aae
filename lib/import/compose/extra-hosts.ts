import { asString, at, entry, type ImportContext } from './context';
import type { LocatedMap } from './located';

/**
 * `extra_hosts` as a list (`host:address`, `host=address`) or a mapping (`host: address`); an IPv6 address may be
 * in brackets. A host given twice keeps its first address, as the model holds one address per host, with a warning.
 */
export function extraHostsOf(ctx: ImportContext, map: LocatedMap, keyPath: string): { readonly extraHosts?: Readonly<Record<string, string>> } {
  const e = entry(map, 'extra_hosts');
  if (!e) return {};
  const p = `${keyPath}.extra_hosts`;
  const pairs: Array<{ host: string; address: string; path: string; line: number }> = [];
  if (e.value.kind === 'map') {
    for (const [host, v] of e.value.entries) pairs.push({ host, address: asString(ctx, v.value, `${p}.${host}`), path: `${p}.${host}`, line: v.line });
  } else if (e.value.kind === 'seq') {
    e.value.items.forEach((item, i) => {
      const text = asString(ctx, item, `${p}[${i}]`);
      const m = /^([^:=\s]+)[:=](.+)$/.exec(text.trim());
      if (!m) {
        ctx.reporter.report('import/unsupported-value', at(ctx, `${p}[${i}]`, item.line), `${JSON.stringify(text)} is not host:address: it is left out.`, 'Write e.g. "host.docker.internal:host-gateway".');
        return;
      }
      pairs.push({ host: m[1], address: m[2], path: `${p}[${i}]`, line: item.line });
    });
  } else {
    asString(ctx, e.value, p);
  }
  const out: Record<string, string> = {};
  for (const { host, address, path, line } of pairs) {
    const plain = address.replace(/^\[(.*)\]$/, '$1');
    if (out[host] !== undefined) {
      ctx.reporter.report('import/unsupported-value', at(ctx, path, line), `${host} already maps to ${out[host]}: the model keeps one address per host, so ${plain} is left out.`);
      continue;
    }
    out[host] = plain;
  }
  return Object.keys(out).length > 0 ? { extraHosts: out } : {};
}
