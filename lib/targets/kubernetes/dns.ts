import type { WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { isObject, type JsonObject } from './overrides';

/**
 * The resolver as the pod's `dnsConfig`, which the kubelet merges with its DNS policy (the cluster's DNS, so that the
 * pod still reaches other workloads by name; the node's resolver on the host network): servers as `nameservers`
 * and search domains as `searches`, each after the policy's (an info says so for each), and options as `options`,
 * `{ name, value }`, which replace the policy's option of the same name (`ndots:2` replaces the cluster's `ndots:5`).
 */
export function applyDns(template: JsonObject, w: WorkloadSpec, reporter: KubernetesReporter): void {
  const spec = isObject(template.spec) ? template.spec : undefined;
  const dns = w.dns;
  if (!spec || !dns) return;
  if (dns.search && !searchWithinLimits(dns.search, w, reporter)) return;
  spec.dnsConfig = {
    ...(isObject(spec.dnsConfig) ? spec.dnsConfig : {}),
    ...(dns.servers ? { nameservers: [...dns.servers] } : {}),
    ...(dns.search ? { searches: [...dns.search] } : {}),
    ...(dns.options ? { options: dns.options.map(podDnsOption) } : {}),
  };
  if (dns.servers) {
    const first = w.hostNetwork ? "the node's resolver" : "the cluster's DNS, so that it reaches other workloads by name";
    reporter.report(
      'kubernetes/dns-servers',
      `${w.path} dns`,
      `the pod asks ${first}, first: ${w.name} asks ${dns.servers.join(', ')} when that does not answer`,
      "Forward the cluster's DNS to these servers (a CoreDNS forward rule) if every name must go to them.",
    );
  }
  if (dns.search) {
    const first = w.hostNetwork ? "the node's search domains" : "the cluster's search domains (<namespace>.svc.cluster.local, svc.cluster.local, cluster.local) and the node's";
    reporter.report(
      'kubernetes/dns-search',
      `${w.path} dns.search`,
      `the pod tries a short name in ${first} first: ${w.name} tries ${dns.search.join(', ')} after them`,
      `Write the full name (name.${dns.search[0]}) where a short name must reach ${dns.search[0]} and not a workload of the same name.`,
    );
  }
}

/** The most search domains a pod's dnsConfig may list, and the most characters of their list, spaces between them included. */
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARS = 2048;
/** <namespace>.svc.cluster.local, svc.cluster.local, cluster.local */
const CLUSTER_SEARCHES = 3;

/** Whether the API server takes the search domains as the pod's `dnsConfig.searches`; an error when it would refuse them. */
function searchWithinLimits(search: readonly string[], w: WorkloadSpec, reporter: KubernetesReporter): boolean {
  const chars = search.join(' ').length;
  if (search.length <= MAX_SEARCHES && chars <= MAX_SEARCH_CHARS) return true;
  reporter.report(
    'kubernetes/dns-search-limit',
    `${w.path} dns.search`,
    `a pod's dnsConfig takes at most ${MAX_SEARCHES} search domains, ${MAX_SEARCH_CHARS} characters with the spaces between them: ${w.name} gives ${search.length}, ${chars} characters`,
    `List at most ${MAX_SEARCHES - CLUSTER_SEARCHES} search domains (the kubelet puts the cluster's ${CLUSTER_SEARCHES} before them, ${MAX_SEARCHES} in all) within ${MAX_SEARCH_CHARS} characters, and write other names in full (name.${search[0]}).`,
  );
  return false;
}

/** `ndots:2` as `{ name: 'ndots', value: '2' }`; `use-vc` as `{ name: 'use-vc' }`. */
function podDnsOption(option: string): JsonObject {
  const colon = option.indexOf(':');
  return colon < 0 ? { name: option } : { name: option.slice(0, colon), value: option.slice(colon + 1) };
}
