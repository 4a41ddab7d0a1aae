/** Kubernetes naming rules and the labels lading puts on every object. */

/** RFC 1123 label: Service, container, port-less object names. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 subdomain: most object names, Secret names, label key prefixes. */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

export function isDnsLabel(s: string): boolean {
  return s.length <= 63 && DNS_LABEL.test(s);
}

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

export const NAME_LABEL = 'app.kubernetes.io/name';
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
  networkPolicy: (network: string) => `network-${network}`,
  publishedPolicy: (workload: string) => `published-${workload}`,
  waitContainer: (dependency: string) => `wait-for-${dependency}`,
};
