import { posix } from 'node:path';

/** True for a path written absolute (POSIX, or a Windows drive): the targets keep it as written. */
export function isAbsolutePath(path: string): boolean {
  return posix.isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path);
}
