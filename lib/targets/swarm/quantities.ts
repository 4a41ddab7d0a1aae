const KIB = 1024;
const UNITS: readonly [number, string][] = [
  [KIB ** 3, 'g'],
  [KIB ** 2, 'm'],
  [KIB, 'k'],
];

/**
 * Bytes in Docker's notation, with the largest unit that divides them exactly: `1G`, `512M`, `64K`, `1000b`.
 * `letterCase` picks the unit letter's case: `upper` for deploy resources (`512M`), `lower` for log options (`10m`).
 */
export function dockerBytes(bytes: number, letterCase: 'upper' | 'lower'): string {
  for (const [size, unit] of UNITS) {
    if (bytes % size === 0) return `${bytes / size}${letterCase === 'upper' ? unit.toUpperCase() : unit}`;
  }
  return `${bytes}b`;
}

/** Millicores as Docker's `--cpus` string: 500 -> `0.5`, 2000 -> `2`. */
export function dockerCpus(millis: number): string {
  return String(millis / 1000);
}

/** Whole seconds as a stack-file duration: `10s`. */
export function duration(seconds: number): string {
  return `${seconds}s`;
}
