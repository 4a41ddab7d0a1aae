import * as nodePath from 'path';
import { ModelError } from './errors';

/**
 * The project file a secret's value is read from, relative to the project root, POSIX, without `./`. Only its
 * path enters the model: the file is read where the system runs (`docker compose up`), never by lading.
 */
export function resolveSecretFile(path: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const fix = "Write e.g. 'db/password.txt', and keep the file out of version control";
  if (typeof value !== 'string') throw new ModelError(path, 'file', 'must be a path relative to the project root', value, fix);
  const posix = value.replace(/\\/g, '/');
  const normal = nodePath.posix.normalize(posix).replace(/^\.\//, '');
  if (posix.startsWith('/') || /^[A-Za-z]:/.test(posix) || normal === '.' || normal === '' || normal.startsWith('../') || normal === '..' || normal.endsWith('/') || normal.includes('\0')) {
    throw new ModelError(path, 'file', 'must be a file inside the project, relative to the project root', value, fix);
  }
  return normal;
}
