import * as kplus from 'cdk8s-plus-27';
import type { ContainerSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { literal } from './expansion';
import { reportBuiltImage } from './images';
import { reportLogging } from './logging';
import type { ContainerIntent } from './overrides';
import { probesOf } from './probes';
import { containerResources } from './resources';
import { containerSecurityContext } from './security';

/** Resolves a model Secret to the Kubernetes Secret that holds it, and the key inside. */
export interface SecretResolver {
  ref(secret: string): { readonly secret: kplus.ISecret; readonly key: string } | undefined;
}

export interface RenderedContainer {
  readonly props: kplus.ContainerProps;
  readonly intent: ContainerIntent;
}

/**
 * One Docker container as cdk8s-plus container props: entrypoint -> `command`, command -> `args`, env and
 * secret env (`$(` escaped, expansion.ts), ports with their protocol, probes. Resources and security context go to the override, so
 * cdk8s-plus's own defaults never reach the manifest.
 */
export function renderContainer(c: ContainerSpec, secrets: SecretResolver, reporter: KubernetesReporter): RenderedContainer {
  const env: Record<string, kplus.EnvValue> = {};
  for (const [name, value] of Object.entries(c.env)) env[name] = kplus.EnvValue.fromValue(literal(value));
  for (const s of c.secretEnv) {
    const ref = secrets.ref(s.secret);
    if (ref) env[s.name] = kplus.EnvValue.fromSecretValue({ secret: ref.secret, key: ref.key });
  }
  const probes = c.health ? probesOf(c.health) : undefined;
  reportBuiltImage(c, reporter);
  reportLogging(c, reporter);
  const props: kplus.ContainerProps = {
    name: c.name,
    image: c.image.ref,
    ...(c.entrypoint ? { command: c.entrypoint.map(literal) } : {}),
    ...(c.command ? { args: c.command.map(literal) } : {}),
    ...(c.workingDir ? { workingDir: c.workingDir } : {}),
    envVariables: env,
    ports: c.ports.map((p) => ({
      number: p.containerPort,
      name: p.name,
      protocol: p.protocol === 'udp' ? kplus.Protocol.UDP : kplus.Protocol.TCP,
    })),
    ...(probes ? { readiness: probes.readiness, liveness: probes.liveness } : {}),
    ...(probes?.startup ? { startup: probes.startup } : {}),
    resources: {},
  };
  return { props, intent: { resources: containerResources(c, reporter), securityContext: containerSecurityContext(c, reporter) } };
}
