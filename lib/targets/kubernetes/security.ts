import type { ContainerSpec, WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import type { JsonObject } from './overrides';

/**
 * A container's `security` and `--privileged` as its securityContext: runAsUser/runAsGroup (with runAsNonRoot when
 * the uid is numeric and not 0), readOnlyRootFilesystem, allowPrivilegeEscalation: false for no-new-privileges,
 * and capabilities add/drop. Nothing is set that the model does not say.
 */
export function containerSecurityContext(c: ContainerSpec, reporter: KubernetesReporter): JsonObject {
  const out: JsonObject = {};
  if (c.privileged) {
    out.privileged = true;
    reporter.report(
      'kubernetes/privileged',
      `${c.path} privileged`,
      'the container runs privileged: it has every capability and access to the node’s devices',
      'Grant only the capabilities it needs, or run it on dedicated nodes.',
    );
  }
  Object.assign(out, userContext(c, reporter));
  const s = c.security;
  if (s.readOnlyRootFilesystem) out.readOnlyRootFilesystem = true;
  if (s.noNewPrivileges) out.allowPrivilegeEscalation = false;
  const capabilities: JsonObject = {};
  if (s.capabilities.add.length > 0) capabilities.add = [...s.capabilities.add];
  if (s.capabilities.drop.length > 0) capabilities.drop = [...s.capabilities.drop];
  if (Object.keys(capabilities).length > 0) out.capabilities = capabilities;
  return out;
}

/** `--user uid[:gid]` as runAsUser/runAsGroup; a name is left to the image, with a warning. */
function userContext(c: ContainerSpec, reporter: KubernetesReporter): JsonObject {
  const text = c.security.user;
  if (text === undefined) return {};
  const out: JsonObject = {};
  const [user, group] = text.split(':');
  const names: string[] = [];
  if (/^\d+$/.test(user)) {
    out.runAsUser = Number(user);
    if (Number(user) !== 0) out.runAsNonRoot = true;
  } else names.push(`user ${JSON.stringify(user)}`);
  if (group !== undefined) {
    if (/^\d+$/.test(group)) out.runAsGroup = Number(group);
    else names.push(`group ${JSON.stringify(group)}`);
  }
  if (names.length > 0) {
    reporter.report(
      'kubernetes/user-name',
      `${c.path} security.user`,
      `securityContext takes numeric ids: ${names.join(' and ')} is left to the image (got ${JSON.stringify(text)})`,
      "Give the numeric uid (and gid), e.g. user: '1000:1000'.",
    );
  }
  return out;
}

/** `docker run --network host` is kept as `hostNetwork: true` (written by the pod override), with a warning. */
export function reportHostNetwork(w: WorkloadSpec, reporter: KubernetesReporter): void {
  if (!w.hostNetwork) return;
  reporter.report(
    'kubernetes/host-network',
    `${w.path} hostNetwork`,
    'the pod uses the node’s network stack: its ports are the node’s, and NetworkPolicies do not apply to it',
    'Use a Service and ports instead, unless the workload must see the node’s interfaces.',
  );
}
