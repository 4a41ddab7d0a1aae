import { ModelError } from './errors';

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  ki: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mi: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gi: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  ti: 1024 ** 4,
  tib: 1024 ** 4,
};

/**
 * A size in Docker's notation (`512m`, `1g`, `64k`, `1048576`) or Kubernetes' (`512Mi`, `10Gi`), as bytes.
 * Units are binary, as in Docker: `1m` is 1024 x 1024 bytes.
 */
export function parseSize(path: string, prop: string, value: string | number): number {
  const fix = "Write a whole number of bytes or a number with a unit b, k, m, g or t (Docker's notation: '512m', '1g'), or Ki, Mi, Gi, Ti";
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value > 0 && Number.isSafeInteger(value)) return value;
    throw new ModelError(path, prop, 'size must be a positive whole number of bytes', value, fix);
  }
  if (value === undefined) throw new ModelError(path, prop, 'a size is required', undefined, "Write one in Docker's notation, e.g. '10m'");
  if (typeof value !== 'string') throw new ModelError(path, prop, 'size must be a string or a number', value, fix);
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new ModelError(path, prop, 'cannot parse size', value, fix);
  const bytes = Math.round(Number(m[1]) * unit);
  if (!Number.isSafeInteger(bytes)) throw new ModelError(path, prop, 'size is too large', value, fix);
  if (!(bytes > 0)) throw new ModelError(path, prop, 'size must be greater than zero', value, fix);
  return bytes;
}

/** The most CPUs one container may be given: more than any host offers, so a larger value is a typo. */
const MAX_CPUS = 512;

/** `--cpus` in Docker's notation (`0.5`, `2`, or the string `'1.5'`), as millicores; at most MAX_CPUS. */
/** For Kubernetes' millicores (`'500m'`), the same CPUs in Docker's notation, as the fix. */
function millicoresFix(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^\s*(\d+)m\s*$/.exec(value) : null;
  if (!m || Number(m[1]) === 0) return undefined;
  return `Write ${Number(m[1]) / 1000}: ${m[1]}m is Kubernetes' notation, and cpus takes Docker's (docker run --cpus ${Number(m[1]) / 1000})`;
}

export function parseCpus(path: string, prop: string, value: number | string): number {
  const fix = 'Write a number of CPUs greater than 0 with at most three decimals, as for docker run --cpus (0.5, 1, 2)';
  const n = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) throw new ModelError(path, prop, 'cannot parse CPUs', value, millicoresFix(value) ?? fix);
  const millis = Math.round(n * 1000);
  if (Math.abs(millis - n * 1000) > 1e-6 || millis < 1) {
    throw new ModelError(path, prop, 'CPUs must be a multiple of 0.001', value, fix);
  }
  if (n > MAX_CPUS) {
    throw new ModelError(path, prop, `CPUs must be at most ${MAX_CPUS}, more than any host has`, value, 'Write the CPUs one container may use, as for docker run --cpus (0.5, 1, 2)');
  }
  return millis;
}

/** `--cpu-shares`: a whole number from 2 to 262144 (1024 = one CPU). */
export function parseCpuShares(path: string, prop: string, value: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 2 || value > 262144) {
    throw new ModelError(path, prop, 'CPU shares must be a whole number from 2 to 262144', value, 'Use 1024 for the weight of one CPU, 512 for half');
  }
  return value;
}

const DURATION_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** A duration in Docker's notation (`10s`, `1m30s`, `1.5m`, `500ms`) or a number of seconds, as whole seconds. */
export function parseDuration(path: string, prop: string, value: string | number): number {
  const fix = "Write a duration such as '30s', '1m30s' or '2m', or a whole number of seconds";
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0) return value;
    throw new ModelError(path, prop, 'duration must be a whole number of seconds', value, fix);
  }
  if (typeof value !== 'string' || !/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(value.trim())) {
    const bare = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
    throw new ModelError(path, prop, 'cannot parse duration', value, bare === undefined ? fix : `Write '${bare}s' (a string needs its unit), or the number ${bare}`);
  }
  let seconds = 0;
  for (const part of value.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) seconds += Number(part[1]) * DURATION_UNITS[part[2]];
  seconds = Math.round(seconds * 1000) / 1000;
  if (!Number.isInteger(seconds)) throw new ModelError(path, prop, 'duration must be a whole number of seconds', value, fix);
  return seconds;
}
