import type { ContainerSpec } from '../../model/spec';
import { engineSecurity } from '../docker-engine/security';
import type { StackMap } from './document';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';

/**
 * `security` in a stack file: `user`, `read_only`, `cap_add` and `cap_drop` are kept. `docker stack deploy`
 * ignores `security_opt`, so no-new-privileges is a warning instead of a key the stack would drop; a stack file has
 * no `group_add`, so supplementary groups are a warning too.
 */
export function securityKeys(scope: SwarmScope, container: ContainerSpec): StackMap {
  const s = engineSecurity(container);
  if (s.noNewPrivileges) {
    scope.reporter.report(
      'swarm/no-new-privileges',
      propPath(container.path, 'security.noNewPrivileges'),
      `Swarm cannot forbid new privileges to ${container.name}: \`docker stack deploy\` ignores security_opt, so setuid programs in the image can still gain privileges (got true).`,
      'Drop the capabilities the image does not need (security.capabilities.drop: [\'ALL\']), or run it with `docker run --security-opt no-new-privileges` outside the stack.',
    );
  }
  if (s.groups.length > 0) {
    scope.reporter.report(
      'swarm/groups',
      propPath(container.path, 'security.groups'),
      `a stack file cannot add supplementary groups: ${container.name} is not in ${s.groups.join(', ')}.`,
      "Run it as a user whose primary group is the one it needs (security.user: 'uid:gid'), or run it with `docker run --group-add` outside the stack.",
    );
  }
  return {
    user: s.user,
    read_only: s.readOnly ? true : undefined,
    cap_add: s.capAdd.length > 0 ? [...s.capAdd] : undefined,
    cap_drop: s.capDrop.length > 0 ? [...s.capDrop] : undefined,
  };
}
