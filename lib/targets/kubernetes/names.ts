/** Kubernetes naming rules, the labels lading puts on every object, and the names it derives. */
import type { KubernetesReporter } from './context';

/** RFC 1123 subdomain: most object names, Secret names, label key prefixes. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

export function isDnsSubdomain(s: string): boolean {
  return s.length <= 253 && DNS_SUBDOMAIN.test(s);
}

/** A label or annotation key: `[prefix/]name`, prefix a DNS subdomain, name at most 63 characters. */
export function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (name.length > 63 || !QUALIFIED_NAME_PART.test(name)) return false;
  return parts.length === 1 || isDnsSubdomain(parts[0]);
}

/** A label value: empty, or at most 63 characters of letters, digits, `-`, `_`, `.`, alphanumeric at both ends. */
export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && QUALIFIED_NAME_PART.test(value));
}

const NAME_LABEL = 'app.kubernetes.io/name';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';

/** The label that marks a pod as a member of one network: `networks.lading.io/backend: "true"`. */
export function networkLabel(network: string): string {
  return `networks.lading.io/${network}`;
}

/** The labels that select one workload's pods. */
export function selectorLabels(system: string, workload: string): Record<string, string> {
  return { [NAME_LABEL]: workload, [PART_OF_LABEL]: system };
}

/** Object names derived from a workload or network name. */
export const objectNames = {
  loadBalancer: (service: string) => `${service}-lb`,
  nodePort: (service: string) => `${service}-nodeport`,
  networkPolicy: (app: string, network: string) => `${app}-network-${network}`,
  publishedPolicy: (app: string, workload: string) => `${app}-published-${workload}`,
  waitContainer: (dependency: string) => `wait-for-${dependency}`,
};

/**
 * The names of one chart's objects, by kind. The model keeps the names it gives valid and unique (workloads,
 * volumes, networks, sidecars: DNS-1123 labels of at most 63 characters), so what is checked here is what lading
 * derives from them: a Service `web-lb`, a wait container `wait-for-db`, a CronJob (at most 52 characters).
 */
export class NameRegistry {
  constructor(
    private readonly reporter: KubernetesReporter,
    private readonly owners = new Map<string, string>(),
  ) {}

  /** The same names, their findings reported to `reporter` instead. */
  reportingTo(reporter: KubernetesReporter): NameRegistry {
    return new NameRegistry(reporter, this.owners);
  }

  /**
   * Records `name` for an object of `kind` described at `path`. False, with a `kubernetes/object-name` error,
   * when it is longer than `max` or another object of that kind has it.
   */
  take(kind: string, name: string, path: string, max: number): boolean {
    const key = `${kind}\u0000${name}`;
    if (name.length > max) {
      this.reporter.report('kubernetes/object-name', path, `the ${kind} name ${name} is ${name.length} characters long; Kubernetes allows ${max}`, 'Shorten the name in the model.');
      return false;
    }
    const owner = this.owners.get(key);
    if (owner !== undefined) {
      this.reporter.report('kubernetes/object-name', path, `the ${kind} name ${name} is also used by ${owner}`, 'Rename one of them in the model.');
      return false;
    }
    this.owners.set(key, path);
    return true;
  }
}
