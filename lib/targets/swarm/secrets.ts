import type { ContainerSpec, SecretSpec, SystemSpec } from '../../model/spec';
import type { StackMap, StackValue } from './document';
import { propPath, type SwarmScope } from './scope';

/** The name of a secret in the swarm: its existing name, or `<app>_<secret>` as a stack would name its own. */
export function swarmSecretName(spec: SystemSpec, secret: SecretSpec): string {
  return secret.existingName ?? `${spec.name}_${secret.name}`;
}

function secretNamed(spec: SystemSpec, name: string): SecretSpec {
  const secret = spec.secrets.find((s) => s.name === name);
  if (!secret) throw new Error(`secret ${name} is not declared in system ${spec.name}`);
  return secret;
}

/**
 * A container's secret env as the service's `secrets`: each secret mounted as the file /run/secrets/<VAR>, never
 * a value in the stack file.
 */
export function secretsKey(scope: SwarmScope, container: ContainerSpec): StackValue[] | undefined {
  if (container.secretEnv.length === 0) return undefined;
  return container.secretEnv.map((ref) => {
    const secret = secretNamed(scope.spec, ref.secret);
    const file = `/run/secrets/${ref.name}`;
    scope.reporter.report(
      'swarm/secret-file',
      propPath(container.path, `secretEnv.${ref.name}`),
      `the container gets the file ${file}, not the environment variable ${ref.name}.`,
      `Make the program read ${file} (many images take ${ref.name}_FILE=${file}).`,
    );
    return { source: secret.name, target: ref.name };
  });
}

/** Secrets that some container reads as secret env (a secret used only for registry credentials is not one). */
function secretsReadAsEnv(spec: SystemSpec): SecretSpec[] {
  const used = new Set<string>();
  for (const workload of [...spec.services, ...spec.jobs]) {
    for (const container of [workload.main, ...workload.sidecars]) for (const ref of container.secretEnv) used.add(ref.secret);
  }
  return spec.secrets.filter((s) => used.has(s.name));
}

/** The top-level `secrets`: every one external, with the command that creates it. */
export function topLevelSecrets(scope: SwarmScope): StackMap | undefined {
  const secrets = secretsReadAsEnv(scope.spec);
  if (secrets.length === 0) return undefined;
  const out: StackMap = {};
  for (const secret of secrets) {
    const name = swarmSecretName(scope.spec, secret);
    out[secret.name] = { external: true, name };
    scope.reporter.report(
      'swarm/secret-external',
      secret.existingName !== undefined ? propPath(secret.path, 'existingName') : secret.path,
      `secret ${secret.name} is the external Swarm secret ${name}, which must exist before \`docker stack deploy\`.`,
      `Create it once on a manager: \`printf '%s' "$${secret.envName}" | docker secret create ${name} -\`.`,
    );
  }
  return out;
}
