import { isExtraHostAddress } from './extra-hosts';
import { ModelError } from './errors';

/** DNS servers of the container, IP addresses in the order given; undefined when none is given. */
export function resolveDns(path: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const example = "Write e.g. ['1.1.1.1', '9.9.9.9']";
  if (!Array.isArray(value)) throw new ModelError(path, 'dns', 'must be a list of IP addresses', value, example);
  value.forEach((v, i) => {
    if (typeof v !== 'string' || v === 'host-gateway' || !isExtraHostAddress(v)) throw new ModelError(path, `dns[${i}]`, 'a DNS server is an IPv4 or IPv6 address', v, example);
  });
  return value.length > 0 ? [...(value as string[])] : undefined;
}
