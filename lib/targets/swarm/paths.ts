import { posix } from 'node:path';

/**
 * A path relative to the project root (`./src`, `apps/devbox`), as seen from the stack file, whose directory is
 * `projectRoot` away from the root. Absolute paths are kept as written.
 */
export function fromProjectRoot(projectRoot: string, path: string): string {
  if (posix.isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path)) return path;
  const joined = posix.join(projectRoot, path);
  return joined.startsWith('.') ? joined : `./${joined}`;
}

/** True for a host path that is not absolute (`./src`, `../data`). */
export function isRelative(path: string): boolean {
  return !posix.isAbsolute(path) && !/^[A-Za-z]:[\\/]/.test(path);
}
