import type { ContainerSpec } from '../../model/spec';
import { engineSecurity, NO_NEW_PRIVILEGES } from '../docker-engine/security';
import type { ComposeMap } from './document';

/** `security` as Compose keys: `user`, `read_only`, `cap_add`, `cap_drop`, `security_opt: [no-new-privileges:true]`, `group_add`. */
export function securityKeys(container: ContainerSpec): ComposeMap {
  const s = engineSecurity(container);
  return {
    user: s.user,
    read_only: s.readOnly ? true : undefined,
    cap_add: s.capAdd.length > 0 ? [...s.capAdd] : undefined,
    cap_drop: s.capDrop.length > 0 ? [...s.capDrop] : undefined,
    security_opt: s.noNewPrivileges ? [NO_NEW_PRIVILEGES] : undefined,
    group_add: s.groups.length > 0 ? [...s.groups] : undefined,
  };
}
