import { isResolverOption, isSearchDomain, type DnsProps } from '../../model/dns';
import { isExtraHostAddress } from '../../model/extra-hosts';
import { asSeq, asString, at, entry, type ImportContext } from './context';
import type { Located, LocatedMap } from './located';
import type { RuntimePlan } from './plan';

type DnsPlan = Pick<RuntimePlan, 'dns' | 'dnsSearch' | 'dnsOptions'>;

/**
 * `dns` (the servers), `dns_search` and `dns_opt`: each one value or a list; an entry the model cannot hold (a
 * server that is not an IP address, a search domain that is not a DNS name, an option that is not `name[:value]`;
 * an unset variable leaves it empty) is reported and left out. A search domain is kept in lower case, as DNS
 * compares names.
 */
export function dnsOf(ctx: ImportContext, map: LocatedMap, keyPath: string): DnsPlan {
  const servers = listOf(ctx, map, keyPath, 'dns', (v) => (v !== 'host-gateway' && isExtraHostAddress(v) ? v : undefined), (v) => `${v} is not the IP address of a DNS server`, 'Write e.g. 1.1.1.1.');
  const search = listOf(ctx, map, keyPath, 'dns_search', (v) => (isSearchDomain(v.toLowerCase()) ? v.toLowerCase() : undefined), (v) => `${v} is not a DNS name to search`, 'Write e.g. corp.example.com.');
  const options = listOf(ctx, map, keyPath, 'dns_opt', (v) => (isResolverOption(v) ? v : undefined), (v) => `${v} is not a resolver option (a name, then optionally : and a value)`, 'Write e.g. ndots:2 or use-vc.');
  return {
    ...(servers ? { dns: servers } : {}),
    ...(search ? { dnsSearch: search } : {}),
    ...(options ? { dnsOptions: options } : {}),
  };
}

function listOf(ctx: ImportContext, map: LocatedMap, keyPath: string, key: string, keep: (value: string) => string | undefined, problem: (quoted: string) => string, fix: string): string[] | undefined {
  const e = entry(map, key);
  if (!e) return undefined;
  const p = `${keyPath}.${key}`;
  const items: { node: Located; path: string }[] = e.value.kind === 'seq' ? asSeq(ctx, e.value, p).items.map((node, i) => ({ node, path: `${p}[${i}]` })) : [{ node: e.value, path: p }];
  const out: string[] = [];
  for (const { node, path } of items) {
    const text = asString(ctx, node, path).trim();
    const kept = keep(text);
    if (kept !== undefined) out.push(kept);
    else ctx.reporter.report('import/unsupported-value', at(ctx, path, node.line), `${problem(JSON.stringify(text))}: it is left out.`, fix);
  }
  return out.length > 0 ? out : undefined;
}

/** The plan's resolver as the model's `dns` prop: a list when it gives servers alone, else `{ servers, search, options }`. */
export function dnsProps(plan: DnsPlan): readonly string[] | DnsProps | undefined {
  if (!plan.dnsSearch && !plan.dnsOptions) return plan.dns;
  return {
    ...(plan.dns ? { servers: plan.dns } : {}),
    ...(plan.dnsSearch ? { search: plan.dnsSearch } : {}),
    ...(plan.dnsOptions ? { options: plan.dnsOptions } : {}),
  };
}

/** The runtime settings of a plan as the model's props, with `dns` as `dnsProps` says. */
export function runtimeProps(runtime: RuntimePlan): Omit<RuntimePlan, keyof DnsPlan> & { readonly dns?: readonly string[] | DnsProps } {
  const { dns: _servers, dnsSearch: _search, dnsOptions: _options, ...rest } = runtime;
  const dns = dnsProps(runtime);
  return { ...rest, ...(dns ? { dns } : {}) };
}
