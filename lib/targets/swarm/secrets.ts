import { isSwarmSecretName, swarmSecretName as suggestSwarmName } from '../../model/secret-names';
import type { ContainerSpec, SecretSpec, SystemSpec } from '../../model/spec';
import type { StackMap, StackValue } from './document';
import { propPath } from '../docker-engine/prop-path';
import { secretEnvInterpolations, secretFileEntries, secretNamed, secretsReadAsEnv } from '../docker-engine/secrets';
import type { SwarmScope } from './scope';
import { secretFromFile } from './secret-file-source';

/** The name of a secret in the swarm: its existing name, or `<app>_<secret>` as a stack would name its own. */
function swarmSecretName(spec: SystemSpec, secret: SecretSpec): string {
  return secret.existingName?.swarm ?? `${spec.name}_${secret.name}`;
}

/** Secrets that secret env reads through a Swarm secret: none with the Swarm option `secrets: 'env'`. */
export function secretEnvSwarmSecrets(spec: SystemSpec): SecretSpec[] {
  return spec.options.swarm.secrets === 'files' ? secretsReadAsEnv(spec) : [];
}

/**
 * A container's secret env. With the Swarm option `secrets: 'files'`, the service's `secrets`: each secret mounted
 * as the file /run/secrets/<VAR>, never a value in the stack file. With `secrets: 'env'`, `environment` entries
 * that `docker stack deploy` interpolates from the deploying shell, `${DB_PASSWORD:?...}`, each noted: the value is
 * then part of the service spec. The message names no secret: `docker stack deploy` reads a `-` anywhere in
 * `${...}` as a default (`${DB_PASSWORD:?... db-password}` gives `password`), and secret names have them.
 */
export function secretKeys(scope: SwarmScope, container: ContainerSpec): { environment: Record<string, StackValue>; secrets?: StackValue[] } {
  if (container.secretEnv.length === 0) return { environment: {} };
  if (scope.spec.options.swarm.secrets === 'env') {
    for (const ref of container.secretEnv) {
      const secret = secretNamed(scope.spec, ref.secret);
      const store = secret.existingName?.swarm !== undefined ? `, not from the Swarm secret ${secret.existingName.swarm}` : '';
      scope.reporter.report(
        'swarm/secret-env',
        propPath(container.path, `secretEnv.${ref.name}`),
        `the container gets ${ref.name} from the variable ${secret.envName} of the shell that runs \`docker stack deploy\`${store}; the value is part of the service spec, visible to \`docker service inspect\`.`,
        `To keep it out of the service spec, set the Swarm option secrets to 'files': the program then reads the file /run/secrets/${ref.name}.`,
      );
    }
    return { environment: secretEnvInterpolations(scope.spec, container, (secret) => `set ${secret.envName} before docker stack deploy`) };
  }
  const secrets = secretFileEntries(scope.spec, container, (path, _secret, message, fixStart) =>
    scope.reporter.report('swarm/secret-file', path, message, `${fixStart}, or set the Swarm option secrets to 'env'.`),
  );
  return { environment: {}, secrets };
}

/** The top-level `secrets` of secret env: one with a project file created from it at deploy, any other external, with the command that creates it. */
export function topLevelSecrets(scope: SwarmScope): StackMap | undefined {
  const secrets = secretEnvSwarmSecrets(scope.spec);
  if (secrets.length === 0) return undefined;
  return Object.fromEntries(secrets.map((secret) => [secret.name, topLevelSecret(scope, secret)]));
}

/** One top-level secret: created from its project file by `docker stack deploy`, or external and reported with the command that creates it. */
export function topLevelSecret(scope: SwarmScope, secret: SecretSpec): StackValue {
  if (secret.file !== undefined) return secretFromFile(scope, { ...secret, file: secret.file });
  const name = swarmSecretName(scope.spec, secret);
  if (!isSwarmSecretName(name)) {
    scope.reporter.report(
      'swarm/secret-name',
      propPath(secret.path, 'existingName'),
      `a Swarm secret cannot be named ${JSON.stringify(name)}: names are at most 64 letters, digits, '_', '.' and '-', a letter or digit at both ends, so \`docker stack deploy\` refuses the stack`,
      `Give the Swarm secret a name of its own: existingName: { default: '${name}', swarm: '${suggestSwarmName(name)}' }.`,
    );
  }
  scope.reporter.report(
    'swarm/secret-external',
    secret.existingName?.swarm !== undefined ? propPath(secret.path, 'existingName') : secret.path,
    `secret ${secret.name} is the external Swarm secret ${name}, which must exist before \`docker stack deploy\`.`,
    `Create it once on a manager: \`printf '%s' "$${secret.envName}" | docker secret create ${name} -\`.`,
  );
  return { external: true, name };
}
