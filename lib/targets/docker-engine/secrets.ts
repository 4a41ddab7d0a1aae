import type { ContainerSpec, SecretSpec, SystemSpec } from '../../model/spec';
import { Interpolation, type EngineValue } from './document';
import { propPath } from './prop-path';

/** The secret a container's secret env names (the model refuses a reference to an undeclared one). */
export function secretNamed(spec: SystemSpec, name: string): SecretSpec {
  const secret = spec.secrets.find((s) => s.name === name);
  if (!secret) throw new Error(`secret ${name} is not declared in system ${spec.name}`);
  return secret;
}

/** Secrets that some container reads as secret env, in the spec's order (one used only for registry credentials is not one). */
export function secretsReadAsEnv(spec: SystemSpec): SecretSpec[] {
  const used = new Set<string>();
  for (const workload of [...spec.services, ...spec.jobs]) {
    for (const container of [workload.main, ...workload.sidecars]) for (const ref of container.secretEnv) used.add(ref.secret);
  }
  return spec.secrets.filter((s) => used.has(s.name));
}

/**
 * Reports, under the target's own code, that a container gets a secret as a file. `fixStart` ends without a full
 * stop, so a target can add another way out.
 */
export type SecretFileReport = (path: string, secret: SecretSpec, message: string, fixStart: string) => void;

/**
 * A container's secret env as a compose or stack service's `secrets`: each secret mounted as the file
 * /run/secrets/<VAR>, never a value in the file. Each is reported: the program must read the file.
 */
export function secretFileEntries(spec: SystemSpec, container: ContainerSpec, report: SecretFileReport): EngineValue[] {
  return container.secretEnv.map((ref) => {
    const secret = secretNamed(spec, ref.secret);
    const file = `/run/secrets/${ref.name}`;
    const message = `the container gets the file ${file}, not the environment variable ${ref.name}.`;
    report(propPath(container.path, `secretEnv.${ref.name}`), secret, message, `Make the program read ${file} (many images take ${ref.name}_FILE=${file})`);
    return { source: secret.name, target: ref.name };
  });
}

/**
 * A container's secret env as `environment` entries that the engine interpolates from the deploying shell,
 * `${DB_PASSWORD:?message}`: `docker compose up` and `docker stack deploy` refuse to go on while one is unset.
 * `message` says what to set.
 */
export function secretEnvInterpolations(spec: SystemSpec, container: ContainerSpec, message: (secret: SecretSpec) => string): Record<string, EngineValue> {
  const environment: Record<string, EngineValue> = {};
  for (const ref of container.secretEnv) {
    const secret = secretNamed(spec, ref.secret);
    environment[ref.name] = Interpolation.required(secret.envName, message(secret));
  }
  return environment;
}
