import type { ContainerSpec } from '../../model/spec';

/** `--security-opt no-new-privileges` as Compose and Docker write it. */
export const NO_NEW_PRIVILEGES = 'no-new-privileges:true';

/** A container's `security` in the words Compose and a stack file share: `user`, `read_only`, `cap_add`, `cap_drop`, `group_add`. */
export interface EngineSecurity {
  readonly user?: string;
  readonly readOnly: boolean;
  readonly capAdd: readonly string[];
  readonly capDrop: readonly string[];
  readonly noNewPrivileges: boolean;
  readonly groups: readonly string[];
}

export function engineSecurity(container: ContainerSpec): EngineSecurity {
  const s = container.security;
  return {
    ...(s.user !== undefined ? { user: s.user } : {}),
    readOnly: s.readOnlyRootFilesystem,
    capAdd: s.capabilities.add,
    capDrop: s.capabilities.drop,
    noNewPrivileges: s.noNewPrivileges,
    groups: s.groups ?? [],
  };
}
