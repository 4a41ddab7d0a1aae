import type { WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { isObject, type JsonObject } from './overrides';

/**
 * Supplementary groups as the pod's `securityContext.supplementalGroups`, which hold numeric gids for every container
 * of the pod; a group name is reported and left out.
 */
export function applySupplementalGroups(template: JsonObject, w: WorkloadSpec, reporter: KubernetesReporter): void {
  const spec = isObject(template.spec) ? template.spec : undefined;
  if (!spec) return;
  const gids = new Set<number>();
  for (const c of [w.main, ...w.sidecars]) {
    const groups = c.security.groups ?? [];
    const names = groups.filter((g) => !/^\d+$/.test(g));
    groups.filter((g) => /^\d+$/.test(g)).forEach((g) => gids.add(Number(g)));
    if (names.length === 0) continue;
    reporter.report(
      'kubernetes/group-name',
      `${c.path} security.groups`,
      `supplementalGroups takes numeric gids: ${c.name} is not in ${names.join(', ')}`,
      `Give the gid the node gives the group (getent group ${names[0]}), e.g. groups: ['109'].`,
    );
  }
  if (gids.size === 0) return;
  const context = isObject(spec.securityContext) ? spec.securityContext : {};
  spec.securityContext = { ...context, supplementalGroups: [...gids].sort((a, b) => a - b) };
}
