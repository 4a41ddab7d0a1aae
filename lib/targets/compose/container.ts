import type { ContainerSpec } from '../../model/spec';
import { privilegedText } from '../docker-engine/privileged';
import { propPath } from '../docker-engine/prop-path';
import { compact, type ComposeMap, type ComposeValue } from './document';
import { healthcheckKey } from './healthcheck';
import { imageKeys } from './image';
import { loggingKey } from '../docker-engine/logging';
import type { ComposeScope } from './scope';
import { secretKeys } from './secrets';
import { fileKeys } from './files';
import { securityKeys } from './security';
import { mountKeys, tmpfsKey } from './volumes';

const nonEmpty = <T extends object>(value: T): T | undefined => (Object.keys(value).length > 0 ? value : undefined);

/**
 * The keys a service takes from one container, whether main or sidecar: image, process, environment, secrets,
 * mounts, health check, labels, logging, privileges and confinement. `main` is set for a sidecar.
 */
export function containerKeys(scope: ComposeScope, container: ContainerSpec, main?: ContainerSpec): ComposeMap {
  const { environment: secretEnv, secrets: envSecrets } = secretKeys(scope, container);
  const files = fileKeys(scope, container);
  const secrets = envSecrets === undefined && files.secrets.length === 0 ? undefined : [...((envSecrets as ComposeValue[] | undefined) ?? []), ...files.secrets];
  const environment: Record<string, ComposeValue> = { ...container.env, ...secretEnv };
  if (container.privileged) {
    scope.reporter.report('compose/privileged', propPath(container.path, 'privileged'), ...privilegedText(container));
  }
  return compact({
    ...imageKeys(scope, container),
    entrypoint: container.entrypoint ? [...container.entrypoint] : undefined,
    command: container.command ? [...container.command] : undefined,
    working_dir: container.workingDir,
    ...securityKeys(container),
    environment: nonEmpty(environment),
    configs: files.configs,
    secrets,
    volumes: mountKeys(scope, container, main),
    tmpfs: tmpfsKey(container, main),
    healthcheck: healthcheckKey(scope, container),
    labels: nonEmpty({ ...container.labels }),
    logging: loggingKey(container),
    privileged: container.privileged ? true : undefined,
  });
}
