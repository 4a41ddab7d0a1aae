import type { SecretSpec, SystemSpec } from '../../model/spec';

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
