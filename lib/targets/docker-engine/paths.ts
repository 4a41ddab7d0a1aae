import { posix } from 'node:path';

/** True for a path written absolute (POSIX, or a Windows drive): the targets keep it as written. */
export function isAbsolutePath(path: string): boolean {
  return posix.isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path);
}

/**
 * A path relative to the project root (`./src`, `apps/devbox`, `.`), as seen from a compose or stack file whose
 * directory is `projectRoot` away from the root. Absolute paths are kept as written.
 */
export function fromProjectRoot(projectRoot: string, path: string): string {
  if (isAbsolutePath(path)) return path;
  const joined = posix.join(projectRoot, path);
  return joined.startsWith('.') ? joined : `./${joined}`;
}
