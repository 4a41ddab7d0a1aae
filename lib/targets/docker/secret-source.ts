import type { SecretSpec } from '../../model/spec';
import { fromProjectRoot } from './paths';
import { quote } from './shell';

/**
 * The command that prints a secret's value at run time, never the value: `cat` of its project file, or else
 * `printf` of the caller's environment variable.
 */
export function secretValue(secret: SecretSpec): string {
  if (secret.file === undefined) return `printf '%s' "$${secret.envName}"`;
  const file = fromProjectRoot(secret.file);
  return `cat -- ${typeof file === 'string' ? quote(file) : file.shell}`;
}
