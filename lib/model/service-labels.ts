import { resolveLabels } from './container';

/**
 * The labels of the service object, not of its containers (`docker service create --label`, Compose
 * `deploy.labels`), sorted by key; undefined when none is given.
 */
export function resolveServiceLabels(path: string, value: unknown): Record<string, string> | undefined {
  const labels = resolveLabels(path, 'serviceLabels', value);
  return Object.keys(labels).length > 0 ? labels : undefined;
}
