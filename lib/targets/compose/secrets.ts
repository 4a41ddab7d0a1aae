import type { ContainerSpec, SecretSpec } from '../../model/spec';
import { propPath } from '../docker-engine/prop-path';
import { secretEnvInterpolations, secretFileEntries, secretsReadAsEnv } from '../docker-engine/secrets';
import { fromProjectRoot } from '../docker-engine/paths';
import type { ComposeMap, ComposeValue } from './document';
import type { ComposeScope } from './scope';

/** Where a secret's value is read from in `files` mode, relative to the project root: its own file, or `secrets/<name>`. */
function secretFile(secret: SecretSpec): string {
  return secret.file ?? `secrets/${secret.name}`;
}

/**
 * Secret env of one container, never a value. In `env` mode: `environment` entries that Compose interpolates from
 * the deploying host, `${DB_PASSWORD:?...}`, refusing to start without them. In `files` mode: the service's
 * `secrets`, mounted as files under /run/secrets.
 */
export function secretKeys(scope: ComposeScope, container: ContainerSpec): { environment: Record<string, ComposeValue>; secrets?: ComposeValue } {
  const environment: Record<string, ComposeValue> = {};
  if (container.secretEnv.length === 0) return { environment };
  if (scope.spec.options.compose.secrets === 'env') {
    return { environment: secretEnvInterpolations(scope.spec, container, (secret) => `set ${secret.envName} to the value of secret ${secret.name}`) };
  }
  const secrets = secretFileEntries(scope.spec, container, (path, secret, message, fixStart) =>
    scope.reporter.report(
      'compose/secret-file',
      path,
      message,
      `${fixStart}, or set the Compose option secrets to 'env'. Put the value of secret ${secret.name} in ${secretFile(secret)}, kept out of version control.`,
    ),
  );
  return { environment, secrets };
}

/** The top-level `secrets` (files mode only), and a note for every secret that names an existing store entry. */
export function topLevelSecrets(scope: ComposeScope): ComposeMap | undefined {
  const filesMode = scope.spec.options.compose.secrets === 'files';
  const secrets = secretsReadAsEnv(scope.spec);
  for (const secret of secrets) {
    const existing = secret.existingName?.compose;
    if (existing === undefined) continue;
    const source = filesMode ? `the file ${secretFile(secret)}` : `the environment variable ${secret.envName} of the deploying host`;
    scope.reporter.report(
      'compose/secret-existing-name',
      propPath(secret.path, 'existingName'),
      `Compose has no secret store: the value comes from ${source}, not from ${existing}.`,
    );
  }
  if (!filesMode || secrets.length === 0) return undefined;
  const out: ComposeMap = {};
  for (const secret of secrets) out[secret.name] = { file: fromProjectRoot(scope.projectRoot, secretFile(secret)) };
  return out;
}
