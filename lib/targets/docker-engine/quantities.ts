const KIB = 1024;
const UNITS: readonly [number, string][] = [
  [KIB ** 3, 'g'],
  [KIB ** 2, 'm'],
  [KIB, 'k'],
];

/**
 * Bytes in Docker's notation, with the largest unit that divides them exactly: `1g`, `512m`, `64k`, `1000b`.
 * `letterCase` picks the unit letter's case: `upper` for Compose's deploy resources (`512M`), `lower` elsewhere.
 */
export function dockerBytes(bytes: number, letterCase: 'upper' | 'lower'): string {
  for (const [size, unit] of UNITS) {
    if (bytes % size === 0) return `${bytes / size}${letterCase === 'upper' ? unit.toUpperCase() : unit}`;
  }
  return `${bytes}b`;
}

/** Millicores as Docker's `--cpus` value: 500 -> `0.5`, 2000 -> `2`. */
export function dockerCpus(millis: number): string {
  return String(millis / 1000);
}

/** Whole seconds as a Docker duration: `10s`. */
export function duration(seconds: number): string {
  return `${seconds}s`;
}
