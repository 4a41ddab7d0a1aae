import type { ContainerSpec, SecretSpec, SystemSpec } from '../../model/spec';
import type { StackMap, StackValue } from './document';
import { propPath } from '../docker-engine/prop-path';
import { secretFileEntries, secretsReadAsEnv } from '../docker-engine/secrets';
import type { SwarmScope } from './scope';
import { secretFromFile } from './secret-file-source';

/** The name of a secret in the swarm: its existing name, or `<app>_<secret>` as a stack would name its own. */
function swarmSecretName(spec: SystemSpec, secret: SecretSpec): string {
  return secret.existingName ?? `${spec.name}_${secret.name}`;
}

/**
 * A container's secret env as the service's `secrets`: each secret mounted as the file /run/secrets/<VAR>, never
 * a value in the stack file.
 */
export function secretsKey(scope: SwarmScope, container: ContainerSpec): StackValue[] | undefined {
  if (container.secretEnv.length === 0) return undefined;
  return secretFileEntries(scope.spec, container, (path, _secret, message, fixStart) =>
    scope.reporter.report('swarm/secret-file', path, message, `${fixStart}.`),
  );
}

/** The top-level `secrets`: one with a project file created from it at deploy, any other external, with the command that creates it. */
export function topLevelSecrets(scope: SwarmScope): StackMap | undefined {
  const secrets = secretsReadAsEnv(scope.spec);
  if (secrets.length === 0) return undefined;
  return Object.fromEntries(secrets.map((secret) => [secret.name, topLevelSecret(scope, secret)]));
}

/** One top-level secret: created from its project file by `docker stack deploy`, or external and reported with the command that creates it. */
export function topLevelSecret(scope: SwarmScope, secret: SecretSpec): StackValue {
  if (secret.file !== undefined) return secretFromFile(scope, { ...secret, file: secret.file });
  const name = swarmSecretName(scope.spec, secret);
  scope.reporter.report(
    'swarm/secret-external',
    secret.existingName !== undefined ? propPath(secret.path, 'existingName') : secret.path,
    `secret ${secret.name} is the external Swarm secret ${name}, which must exist before \`docker stack deploy\`.`,
    `Create it once on a manager: \`printf '%s' "$${secret.envName}" | docker secret create ${name} -\`.`,
  );
  return { external: true, name };
}
