import { ModelError } from './errors';

/** What Docker accepts as the name of a volume or a network (`docker volume create NAME`, `docker network create NAME`). */
const DOCKER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/;

/** True when Docker accepts `value` as the name of a volume or a network. */
export function isDockerName(value: string): boolean {
  return DOCKER_NAME.test(value);
}

/**
 * The name of a volume or a network on the Docker engine (`docker volume ls`, `docker network ls`), where it must
 * differ from the one the Docker-engine targets give it: a volume a Compose file created as `<project>_db_data`,
 * a network a Compose file names `name: backend`.
 */
export function resolveDockerName(path: string, kind: 'volume' | 'network', value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isDockerName(value)) {
    throw new ModelError(path, 'dockerName', `must be a Docker ${kind} name: letters, digits, _ . and -, starting with a letter or digit`, value, kind === 'volume' ? "Write e.g. 'shop_db_data'" : "Write e.g. 'shop_backend'");
  }
  return value;
}
