import { isExtraHostAddress } from '../../model/extra-hosts';
import { asSeq, asString, at, entry, type ImportContext } from './context';
import type { LocatedMap } from './located';

/** `dns`: one server or a list; an entry that is not an IP address (an unset variable leaves it empty) is reported and left out. */
export function dnsOf(ctx: ImportContext, map: LocatedMap, keyPath: string): { readonly dns?: readonly string[] } {
  const e = entry(map, 'dns');
  if (!e) return {};
  const p = `${keyPath}.dns`;
  const items = e.value.kind === 'seq' ? asSeq(ctx, e.value, p).items.map((node, i) => ({ node, path: `${p}[${i}]` })) : [{ node: e.value, path: p }];
  const out: string[] = [];
  for (const { node, path } of items) {
    const server = asString(ctx, node, path).trim();
    if (server !== 'host-gateway' && isExtraHostAddress(server)) {
      out.push(server);
      continue;
    }
    ctx.reporter.report('import/unsupported-value', at(ctx, path, node.line), `${JSON.stringify(server)} is not the IP address of a DNS server: it is left out.`, 'Write e.g. 1.1.1.1.');
  }
  return out.length > 0 ? { dns: out } : {};
}
