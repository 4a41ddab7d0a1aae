import type { ContainerSpec, WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import type { JsonObject } from './overrides';

/** `docker run --user` and `--privileged` as a container securityContext; nothing else. */
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
  if (c.user !== undefined) {
    const [user, group] = c.user.split(':');
    const names: string[] = [];
    if (/^\d+$/.test(user)) out.runAsUser = Number(user);
    else names.push(`user ${JSON.stringify(user)}`);
    if (group !== undefined) {
      if (/^\d+$/.test(group)) out.runAsGroup = Number(group);
      else names.push(`group ${JSON.stringify(group)}`);
    }
    if (names.length > 0) {
      reporter.report(
        'kubernetes/user-name',
        `${c.path} user`,
        `securityContext takes numeric ids: ${names.join(' and ')} is left to the image (got ${JSON.stringify(c.user)})`,
        "Give the numeric uid (and gid), e.g. user: '1000:1000'.",
      );
    }
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
