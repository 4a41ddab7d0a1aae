import type { ContainerSpec, SystemSpec } from '../../model/spec';
import { propPath } from '../docker-engine/prop-path';
import { secretNamed, secretsReadAsEnv } from '../docker-engine/secrets';
import type { DockerScope } from './scope';
import { secretValue } from './secret-source';
import type { ShellText, Word } from './shell';

/** `-e NAME=value` per plain variable, sorted by name. */
export function envFlags(container: ContainerSpec): Word[][] {
  return Object.entries(container.env).map(([name, value]) => ['-e', `${name}=${value}`]);
}

/**
 * Secret env, passed through from the caller's environment and never written: `-e NAME` takes the value of
 * NAME from the environment of `docker run`, which the assignment `NAME="$DB_PASSWORD"` sets for that one
 * command (so the value is in neither the script nor the command line).
 */
export function secretEnv(spec: SystemSpec, container: ContainerSpec): { assignments: ShellText[]; flags: Word[][] } {
  const assignments: ShellText[] = [];
  const flags: Word[][] = [];
  for (const ref of container.secretEnv) {
    const secret = secretNamed(spec, ref.secret);
    if (secret.file !== undefined) assignments.push({ shell: `${ref.name}="$(${secretValue(secret)})"` });
    else if (ref.name !== secret.envName) assignments.push({ shell: `${ref.name}="$${secret.envName}"` });
    flags.push(['-e', ref.name]);
  }
  return { assignments, flags };
}

/**
 * The checks at the start of `up`: one `: "${DB_PASSWORD:?...}"` per secret read as env (a `cat` of its file for
 * one read from a project file), so the script stops with a clear message before it changes anything. A secret that names an existing store entry is noted.
 */
export function requiredSecrets(scope: DockerScope): string[] {
  return secretsReadAsEnv(scope.spec).map((secret) => {
    const existing = secret.existingName?.docker;
    if (existing !== undefined) {
      const source = secret.file !== undefined ? `the project file ${secret.file}` : `the environment variable ${secret.envName} of the caller`;
      scope.reporter.report(
        'docker/secret-existing-name',
        propPath(secret.path, 'existingName'),
        `docker run has no secret store: the value comes from ${source}, not from ${existing}.`,
      );
    }
    // a missing file stops the script here (set -e), as a missing variable does
    if (secret.file !== undefined) return `${secretValue(secret)} >/dev/null`;
    const message = `set ${secret.envName} to the value of secret ${secret.name}`;
    return `: "\${${secret.envName}:?${message.replace(/[\\"$`}]/g, '')}}"`;
  });
}
