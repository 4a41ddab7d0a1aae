import { isExtraHostAddress, isExtraHostName } from '../../model/extra-hosts';
import { asString, at, entry, fail, type ImportContext } from './context';
import type { LocatedMap } from './located';

/**
 * `extra_hosts` as a list (`host:address`, `host=address`) or a mapping (`host: address`, or a list of addresses);
 * an IPv6 address may be in brackets. The model holds one address per host: a second one is left out, as is an
 * entry that is not a host name and an IP address (an unset variable leaves it empty), each with a warning.
 */
export function extraHostsOf(ctx: ImportContext, map: LocatedMap, keyPath: string): { readonly extraHosts?: Readonly<Record<string, string>> } {
  const e = entry(map, 'extra_hosts');
  if (!e) return {};
  const p = `${keyPath}.extra_hosts`;
  const pairs: Array<{ host: string; address: string; path: string; line: number }> = [];
  if (e.value.kind === 'map') {
    for (const [host, v] of e.value.entries) {
      const addresses = v.value.kind === 'seq' ? v.value.items : [v.value];
      addresses.forEach((a, i) => {
        const path = v.value.kind === 'seq' ? `${p}.${host}[${i}]` : `${p}.${host}`;
        pairs.push({ host, address: asString(ctx, a, path), path, line: a.line });
      });
    }
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
    fail(ctx, p, e.line, 'must be a list of host:address or a mapping of host to address');
  }
  const out: Record<string, string> = {};
  for (const { host, address, path, line } of pairs) {
    const plain = address.trim().replace(/^\[(.*)\]$/, '$1');
    if (!isExtraHostName(host) || !isExtraHostAddress(plain)) {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, path, line),
        `${JSON.stringify(`${host}:${address}`)} is not a host name and an IP address (or host-gateway): it is left out.`,
        'Write e.g. "db.internal:10.0.0.5"; set the variable it reads, if any.',
      );
      continue;
    }
    if (out[host] !== undefined) {
      ctx.reporter.report('import/unsupported-value', at(ctx, path, line), `${host} already maps to ${out[host]}: the model keeps one address per host, so ${plain} is left out.`);
      continue;
    }
    out[host] = plain;
  }
  return Object.keys(out).length > 0 ? { extraHosts: out } : {};
}
