import { ModelError } from './errors';

/** The most processes and threads a container may run (`--pids-limit`): a whole number of at least 1. */
export function resolvePidsLimit(path: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ModelError(path, 'resources.pids', 'must be a whole number of processes of at least 1', value, 'Write e.g. 200, or leave it out for no limit');
  }
  return value;
}
