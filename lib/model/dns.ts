import { isExtraHostAddress } from './extra-hosts';
import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import type { DnsSpec } from './spec';

/**
 * The container's resolver (its `/etc/resolv.conf`): servers, search domains and options. One object, not three
 * props, because the three are one file and one object on every target that sets them (Swarm's and the pod's
 * `dnsConfig`); a list alone, `dns: ['1.1.1.1']`, stays the short way to give servers only.
 */
export interface DnsProps {
  /**
   * DNS servers the container asks instead of the network's, IP addresses in order (`--dns`, Compose `dns`).
   * @default - the network's DNS
   */
  readonly servers?: readonly string[];
  /**
   * Domains tried after a name without a dot, in order (`--dns-search`, Compose `dns_search`): with
   * `['corp.example.com']`, `wiki` resolves as `wiki.corp.example.com`. Lowercase DNS names.
   * @default - the network's search domains
   */
  readonly search?: readonly string[];
  /**
   * Resolver options, as `/etc/resolv.conf` writes them (`--dns-option`, Compose `dns_opt`): `'ndots:2'`,
   * `'timeout:3'`, `'use-vc'`.
   * @default - the network's options
   */
  readonly options?: readonly string[];
}

const DNS_PROPS = propNames<DnsProps>({ servers: true, search: true, options: true });
const SERVERS_EXAMPLE = "Write e.g. ['1.1.1.1', '9.9.9.9']";
const SEARCH_DOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;
const OPTION = /^[a-z][a-z0-9-]*(:[a-z0-9.-]+)?$/;

/** Whether `value` can be a search domain on every target: a lowercase DNS name (Kubernetes refuses others). */
export function isSearchDomain(value: string): boolean {
  return SEARCH_DOMAIN.test(value);
}

/** Whether `value` is a resolver option as `/etc/resolv.conf` writes it: a name, then optionally `:` and a value. */
export function isResolverOption(value: string): boolean {
  return OPTION.test(value);
}

/**
 * The container's resolver settings from `dns`: a list of servers, or `{ servers, search, options }`; each list
 * in the order given and set only when not empty; undefined when nothing is given.
 */
export function resolveDns(path: string, value: unknown): DnsSpec | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return spec({ servers: servers(path, 'dns', value) });
  if (typeof value !== 'object' || value === null) {
    throw new ModelError(path, 'dns', 'must be a list of IP addresses, or { servers, search, options }', value, SERVERS_EXAMPLE);
  }
  checkKnownProps(path, 'dns', value, DNS_PROPS);
  const v = value as DnsProps;
  return spec({
    servers: v.servers === undefined ? undefined : servers(path, 'dns.servers', v.servers),
    search: list(path, 'dns.search', v.search, isSearchDomain, 'a search domain is a lowercase DNS name', "Write e.g. ['corp.example.com']"),
    options: list(path, 'dns.options', v.options, isResolverOption, 'a resolver option is a name, then optionally : and a value', "Write e.g. ['ndots:2', 'use-vc']"),
  });
}

function servers(path: string, prop: string, value: unknown): readonly string[] {
  return list(path, prop, value, (v) => v !== 'host-gateway' && isExtraHostAddress(v), 'a DNS server is an IPv4 or IPv6 address', SERVERS_EXAMPLE, 'must be a list of IP addresses') ?? [];
}

function list(path: string, prop: string, value: unknown, valid: (v: string) => boolean, problem: string, example: string, notList = 'must be a list of strings'): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ModelError(path, prop, notList, value, example);
  value.forEach((v, i) => {
    if (typeof v !== 'string' || !valid(v)) throw new ModelError(path, `${prop}[${i}]`, problem, v, example);
  });
  return value as string[];
}

function spec(lists: { readonly servers?: readonly string[]; readonly search?: readonly string[]; readonly options?: readonly string[] }): DnsSpec | undefined {
  const out: { servers?: readonly string[]; search?: readonly string[]; options?: readonly string[] } = {};
  for (const key of ['servers', 'search', 'options'] as const) {
    const l = lists[key];
    if (l && l.length > 0) out[key] = [...l];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
