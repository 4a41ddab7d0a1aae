import * as kplus from 'cdk8s-plus-27';
import { programOf } from '../../model/entrypoint-reset';
import type { ContainerSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { literal } from './expansion';
import { reportBuiltImage } from './images';
import { reportLogging } from './logging';
import { reportPidsLimit } from './pids-limit';
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
 * One Docker container as cdk8s-plus container props: entrypoint -> `command`, command -> `args` (the command alone
 * where the entrypoint is cleared), env and
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
  reportPidsLimit(c, reporter);
  const program = programOf(c);
  if (program.lost) {
    reporter.report(
      'kubernetes/entrypoint-reset',
      `${c.path} entrypoint`,
      "an empty entrypoint clears the image's ENTRYPOINT so that Docker runs the image's CMD alone, but an empty command is no command to Kubernetes: the image's ENTRYPOINT runs",
      "Give the command: the image's CMD, which then runs as the program.",
    );
  }
  const props: kplus.ContainerProps = {
    name: c.name,
    image: c.image.ref,
    ...(program.entrypoint ? { command: program.entrypoint.map(literal) } : {}),
    ...(program.command ? { args: program.command.map(literal) } : {}),
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
