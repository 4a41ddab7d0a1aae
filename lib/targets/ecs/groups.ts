import type { ContainerSpec } from '../../model/spec';
import type { EcsReporter } from './codes';

/** Supplementary groups, which a container definition cannot add: only the user's own group applies. */
export function reportGroups(c: ContainerSpec, d: EcsReporter): void {
  const groups = c.security.groups;
  if (!groups) return;
  d.report(
    'ecs/groups',
    `${c.path} security.groups`,
    `a container definition cannot add supplementary groups: ${c.name} is not in ${groups.join(', ')}`,
    "Run it as a user whose primary group is the one it needs (security.user: 'uid:gid'), or grant the access to that user in the image.",
  );
}
