import { ModelError } from './errors';

/** What Docker accepts as a volume name (`docker volume create NAME`). */
const DOCKER_VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/;

/**
 * The name of a persistent volume on the Docker engine (`docker volume ls`), where it must differ from the one the
 * Docker-engine targets give it: a volume a Compose file created as `<project>_db_data`.
 */
export function resolveDockerVolumeName(path: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !DOCKER_VOLUME_NAME.test(value)) {
    throw new ModelError(path, 'dockerName', 'must be a Docker volume name: letters, digits, _ . and -, starting with a letter or digit', value, "Write e.g. 'shop_db_data'");
  }
  return value;
}
