/** Kubernetes quantities in readable units: `512Mi`, `10Gi`, `250m`, `1`. Never raw bytes. */

const BINARY: readonly [string, number][] = [
  ['Ti', 1024 ** 4],
  ['Gi', 1024 ** 3],
  ['Mi', 1024 ** 2],
  ['Ki', 1024],
];

export interface Quantity {
  readonly text: string;
  /** True when the value had to be rounded up to fit the unit. */
  readonly rounded: boolean;
}

/** Bytes as the largest binary unit that holds them exactly; rounded up to whole Ki below that. */
export function memoryQuantity(bytes: number): Quantity {
  for (const [unit, size] of BINARY) {
    if (bytes % size === 0) return { text: `${bytes / size}${unit}`, rounded: false };
  }
  return { text: `${Math.ceil(bytes / 1024)}Ki`, rounded: true };
}

/** Millicores as whole CPUs when exact (`1`, `2`), else millicores (`250m`). */
export function cpuQuantity(millis: number): Quantity {
  const whole = Math.ceil(millis);
  const text = whole % 1000 === 0 ? `${whole / 1000}` : `${whole}m`;
  return { text, rounded: whole !== millis };
}

/** Docker's `--cpu-shares` (1024 = one CPU) as a CPU request. */
export function cpuSharesQuantity(shares: number): Quantity {
  return cpuQuantity((shares * 1000) / 1024);
}
