import { posix } from 'path';
import { ModelError } from './errors';

const FIX = "Write e.g. './docker-data/mail'";

/**
 * The project folder a persistent volume lives in on a single Docker host (`./docker-data/mail`): relative to the
 * project root, POSIX, normalized, starting with `./` or `../` as a bind mount's source is written.
 */
export function resolveVolumeHostPath(path: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\.\.?\//.test(value) || /[:\\]/.test(value)) {
    throw new ModelError(path, 'hostPath', "must be a folder relative to the project root, starting with './' or '../', without ':' or '\\'", value, FIX);
  }
  const normalized = posix.normalize(value).replace(/\/+$/, '');
  if (/^(\.|\.\.(\/\.\.)*)$/.test(normalized)) {
    throw new ModelError(path, 'hostPath', 'must name a folder, not the project root or a folder above it', value, FIX);
  }
  return normalized.startsWith('../') ? normalized : `./${normalized}`;
}
