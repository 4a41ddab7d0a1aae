import type { ContainerSpec } from '../../model/spec';
import { isObject, Json, JsonObject } from './overrides';

/** When the kubelet pulls an image: `IfNotPresent` as `docker run` does, `Always` where the tag moves. */
export type PullPolicy = 'IfNotPresent' | 'Always';

/**
 * The pull policy of an image reference: `Always` for `latest` or no tag (the reference moves, and Kubernetes
 * itself pulls those always), `IfNotPresent` for any other tag or a digest.
 */
export function pullPolicyOfReference(ref: string): PullPolicy {
  if (ref.includes('@')) return 'IfNotPresent';
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  const tag = colon < 0 ? undefined : last.slice(colon + 1);
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** A model container's pull policy: a built image is `IfNotPresent` (a local cluster may hold it unpushed). */
export function pullPolicyOf(c: ContainerSpec): PullPolicy {
  return c.image.kind === 'build' ? 'IfNotPresent' : pullPolicyOfReference(c.image.ref);
}

/**
 * Docker's own defaults, written on a pod template so that the cluster does what `docker run` does: the runtime's
 * default seccomp profile (Docker applies its own), no service-account token mounted (a container sees no
 * credentials Docker would not give it), and an explicit `imagePullPolicy` on every container, init containers
 * included. `policies` names the model containers' policies; any other container (a wait init container) takes
 * the policy of its reference.
 */
export function applyDockerPodDefaults(template: JsonObject, policies: Readonly<Record<string, PullPolicy>>): void {
  const spec = template.spec;
  if (!isObject(spec)) return;
  spec.automountServiceAccountToken = false;
  const context = isObject(spec.securityContext) ? spec.securityContext : {};
  spec.securityContext = { ...context, seccompProfile: { type: 'RuntimeDefault' } };
  for (const list of ['containers', 'initContainers']) {
    const containers: Json | undefined = spec[list];
    if (!Array.isArray(containers)) continue;
    for (const c of containers) {
      if (!isObject(c)) continue;
      c.imagePullPolicy = policies[String(c.name)] ?? pullPolicyOfReference(String(c.image));
    }
  }
}

/**
 * The securityContext of lading's own wait init containers: `nc` needs neither root, a writable root nor any
 * capability, so they meet the restricted profile whatever the workload says (user nobody, 65534).
 */
export const WAIT_CONTAINER_SECURITY: JsonObject = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  readOnlyRootFilesystem: true,
  runAsGroup: 65534,
  runAsNonRoot: true,
  runAsUser: 65534,
};
