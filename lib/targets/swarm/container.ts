import type { ContainerSpec } from '../../model/spec';
import { compact, type StackMap, type StackValue } from './document';
import { healthcheckKey } from './healthcheck';
import { imageKey } from './image';
import { loggingKey } from '../docker-engine/logging';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';
import { secretKeys } from './secrets';
import { fileKeys } from './files';
import { securityKeys } from './security';
import { mountsKey } from './volumes';

const nonEmptyRecord = (value: Readonly<Record<string, string>>): Record<string, string> | undefined =>
  Object.keys(value).length > 0 ? { ...value } : undefined;

/**
 * The keys a service takes from one container, whether main or sidecar: image, process, environment, secrets,
 * mounts, health check, labels, logging, confinement. `main` is set for a sidecar. A privileged container is an error:
 * `docker stack deploy` ignores `privileged`, so the container would run without what it asked for.
 */
export function containerKeys(scope: SwarmScope, container: ContainerSpec, main?: ContainerSpec): StackMap {
  if (container.privileged) {
    scope.reporter.report(
      'swarm/privileged',
      propPath(container.path, 'privileged'),
      `Swarm cannot run ${container.name} privileged: \`docker stack deploy\` ignores privileged, and the container would run without the access it asks for.`,
      'Grant the single capabilities the image needs and leave privileged off, or run it with `docker run --privileged` outside the stack.',
    );
  }
  const files = fileKeys(scope, container);
  const { environment: secretEnv, secrets: envSecrets } = secretKeys(scope, container);
  const environment: Record<string, StackValue> = { ...container.env, ...secretEnv };
  return compact({
    image: imageKey(scope, container),
    entrypoint: container.entrypoint ? [...container.entrypoint] : undefined,
    command: container.command ? [...container.command] : undefined,
    working_dir: container.workingDir,
    ...securityKeys(scope, container),
    environment: Object.keys(environment).length > 0 ? environment : undefined,
    configs: files.configs,
    secrets: withSecretFiles(envSecrets, files.secrets),
    volumes: mountsKey(scope, container, main),
    healthcheck: healthcheckKey(scope, container),
    labels: nonEmptyRecord(container.labels),
    logging: loggingKey(container),
  });
}

/** The service's `secrets`: secret env first, then secret files. */
function withSecretFiles(fromEnv: StackValue[] | undefined, files: StackValue[]): StackValue[] | undefined {
  return fromEnv === undefined && files.length === 0 ? undefined : [...(fromEnv ?? []), ...files];
}
