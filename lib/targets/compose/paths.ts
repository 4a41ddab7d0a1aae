import { posix } from 'node:path';
import { isAbsolutePath } from '../docker-engine/paths';

/**
 * A path relative to the project root (`./src`, `apps/devbox`, `.`), as seen from the compose file, whose
 * directory is `projectRoot` away from the root. Absolute paths are kept as written.
 */
export function fromProjectRoot(projectRoot: string, path: string): string {
  if (isAbsolutePath(path)) return path;
  const joined = posix.join(projectRoot, path);
  return joined.startsWith('.') ? joined : `./${joined}`;
}
