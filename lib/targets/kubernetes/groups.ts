import type { WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { isObject, type JsonObject } from './overrides';

/**
 * Supplementary groups as the pod's `securityContext.supplementalGroups`, which hold numeric gids for every container
 * of the pod; a group name is reported and left out, and so is each container that gets a gid it did not ask for.
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
  for (const c of [w.main, ...w.sidecars]) {
    const own = new Set(c.security.groups ?? []);
    const more = [...gids].filter((g) => !own.has(String(g))).sort((a, b) => a - b);
    if (more.length === 0) continue;
    reporter.report(
      'kubernetes/groups-shared',
      `${c.path} security.groups`,
      `supplementalGroups belong to the pod, not to a container: ${c.name} is in ${more.join(', ')} too, which ${more.length === 1 ? 'another container asks' : 'other containers ask'} for`,
      `Give ${c.name} the same groups (security.groups), or run the container that needs ${more.length === 1 ? 'that group' : 'those groups'} as a workload of its own.`,
    );
  }
  const context = isObject(spec.securityContext) ? spec.securityContext : {};
  spec.securityContext = { ...context, supplementalGroups: [...gids].sort((a, b) => a - b) };
}
