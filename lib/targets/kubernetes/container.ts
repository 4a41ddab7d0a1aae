import * as kplus from 'cdk8s-plus-27';
import type { ContainerSpec } from '../../model/spec';
import type { Findings } from './diagnostics';
import type { ContainerIntent, JsonObject } from './overrides';
import { probesOf } from './probes';
import { containerResources } from './resources';

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
 * secret env, ports with their protocol, probes. Resources and security context go to the override, so
 * cdk8s-plus's own defaults never reach the manifest.
 */
export function renderContainer(c: ContainerSpec, secrets: SecretResolver, findings: Findings): RenderedContainer {
  const env: Record<string, kplus.EnvValue> = {};
  for (const [name, value] of Object.entries(c.env)) env[name] = kplus.EnvValue.fromValue(value);
  for (const s of c.secretEnv) {
    const ref = secrets.ref(s.secret);
    if (ref) env[s.name] = kplus.EnvValue.fromSecretValue({ secret: ref.secret, key: ref.key });
  }
  const probes = c.health ? probesOf(c.health) : undefined;
  if (c.image.kind === 'build') {
    findings.add(
      'kubernetes/build-image',
      `${c.path} image`,
      `the image is built from ${c.image.context}/${c.image.dockerfile}; the manifest uses its tag ${c.image.ref}`,
      `Push it where the cluster can pull it: docker build -t ${c.image.ref} ${c.image.context} && docker push ${c.image.ref} (or load it into a local cluster).`,
    );
  }
  if (c.logging) {
    findings.add(
      'kubernetes/logging',
      `${c.path} logging`,
      'log size limits are not part of a Pod: the kubelet rotates container logs by its own settings',
      'Set containerLogMaxSize and containerLogMaxFiles in the kubelet configuration, or ship logs with a log agent.',
    );
  }
  const props: kplus.ContainerProps = {
    name: c.name,
    image: c.image.ref,
    ...(c.entrypoint ? { command: [...c.entrypoint] } : {}),
    ...(c.command ? { args: [...c.command] } : {}),
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
  return { props, intent: { resources: containerResources(c, findings), securityContext: securityContext(c, findings) } };
}

/** `docker run --user` and `--privileged` as a container securityContext; nothing else. */
function securityContext(c: ContainerSpec, findings: Findings): JsonObject {
  const out: JsonObject = {};
  if (c.privileged) {
    out.privileged = true;
    findings.add(
      'kubernetes/privileged',
      `${c.path} privileged`,
      'the container runs privileged: it has every capability and access to the node’s devices',
      'Grant only the capabilities it needs, or run it on dedicated nodes.',
    );
  }
  if (c.user !== undefined) {
    const [user, group] = c.user.split(':');
    const names: string[] = [];
    if (/^\d+$/.test(user)) out.runAsUser = Number(user);
    else names.push(`user ${JSON.stringify(user)}`);
    if (group !== undefined) {
      if (/^\d+$/.test(group)) out.runAsGroup = Number(group);
      else names.push(`group ${JSON.stringify(group)}`);
    }
    if (names.length > 0) {
      findings.add(
        'kubernetes/user-name',
        `${c.path} user`,
        `securityContext takes numeric ids: ${names.join(' and ')} is left to the image (got ${JSON.stringify(c.user)})`,
        "Give the numeric uid (and gid), e.g. user: '1000:1000'.",
      );
    }
  }
  return out;
}
