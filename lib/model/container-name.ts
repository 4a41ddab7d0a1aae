import { ModelError } from './errors';

// Docker's container names: [a-zA-Z0-9][a-zA-Z0-9_.-]+
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

/**
 * The fixed name of a workload's one container (`docker run --name`, Compose `container_name`), which other
 * workloads on its networks can use as a host name too. A name that is not a DNS label cannot be a host name on
 * Kubernetes; the targets say so.
 */
export function resolveContainerName(path: string, value: unknown, replicas: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !CONTAINER_NAME.test(value)) {
    throw new ModelError(path, 'containerName', 'must be a Docker container name: letters, digits, _, . and -, starting with a letter or digit', value, "Write e.g. 'es'");
  }
  if (replicas !== 1) {
    throw new ModelError(path, 'containerName', 'only one container can carry a fixed name', replicas, 'Remove containerName or run 1 replica');
  }
  return value;
}
