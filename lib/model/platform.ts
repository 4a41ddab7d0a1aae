import { ModelError } from './errors';
import type { PlatformSpec } from './spec';

/** The platforms the targets can all ask for: Linux on x86-64 or on 64-bit ARM. */
export type Platform = 'linux/amd64' | 'linux/arm64';

/** The platform a workload's images are built for and must run on (`docker run --platform`). */
export function resolvePlatform(path: string, value: unknown): PlatformSpec | undefined {
  if (value === undefined) return undefined;
  if (value !== 'linux/amd64' && value !== 'linux/arm64') {
    throw new ModelError(path, 'platform', "must be 'linux/amd64' or 'linux/arm64'", value, "Write e.g. 'linux/amd64'");
  }
  return { os: 'linux', architecture: value === 'linux/amd64' ? 'amd64' : 'arm64' };
}
