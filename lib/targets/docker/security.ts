import type { ContainerSpec } from '../../model/spec';
import { engineSecurity } from '../docker-engine/security';
import type { Word } from './shell';

/** `security` as `docker run` flags: `--user`, `--read-only`, `--cap-add`, `--cap-drop`, `--security-opt no-new-privileges`, `--group-add`. */
export function securityFlags(container: ContainerSpec): Word[][] {
  const s = engineSecurity(container);
  return [
    ...(s.user !== undefined ? [['--user', s.user]] : []),
    ...(s.readOnly ? [['--read-only']] : []),
    ...s.capAdd.map((cap): Word[] => ['--cap-add', cap]),
    ...s.capDrop.map((cap): Word[] => ['--cap-drop', cap]),
    ...(s.noNewPrivileges ? [['--security-opt', 'no-new-privileges']] : []),
    ...s.groups.map((g): Word[] => ['--group-add', g]),
  ];
}
