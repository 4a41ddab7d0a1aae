import type { ContainerSpec, WorkloadSpec } from '../../model/spec';

const MIB = 1024 * 1024;

/** Valid Fargate task sizes: CPU units and the memory sizes (MiB) each allows. */
export const FARGATE_SIZES: readonly { cpu: number; memory: readonly number[] }[] = [
  { cpu: 256, memory: [512, 1024, 2048] },
  { cpu: 512, memory: range(1024, 4096, 1024) },
  { cpu: 1024, memory: range(2048, 8192, 1024) },
  { cpu: 2048, memory: range(4096, 16384, 1024) },
  { cpu: 4096, memory: range(8192, 30720, 1024) },
  { cpu: 8192, memory: range(16384, 61440, 4096) },
  { cpu: 16384, memory: range(32768, 122880, 8192) },
];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

export interface TaskSize {
  /** CPU units, 1024 = one vCPU. */
  readonly cpu: number;
  /** MiB. */
  readonly memory: number;
}

/** The smallest Fargate size that holds `need` (CPU first, then memory); undefined when none does. */
export function smallestFargateSize(need: TaskSize): TaskSize | undefined {
  for (const size of FARGATE_SIZES) {
    if (size.cpu < need.cpu) continue;
    const memory = size.memory.find((m) => m >= need.memory);
    if (memory !== undefined) return { cpu: size.cpu, memory };
  }
  return undefined;
}

/** Whole MiB, rounded up. */
export function toMiB(bytes: number): number {
  return Math.ceil(bytes / MIB);
}

/** What one container asks of its task: CPU units (from `--cpus` or `--cpu-shares`) and MiB (limit or reservation). */
export function containerNeed(c: ContainerSpec): TaskSize {
  const r = c.resources;
  const quota = r.cpuMillis !== undefined ? Math.ceil((r.cpuMillis * 1024) / 1000) : 0;
  const cpu = Math.max(quota, r.cpuShares ?? 0);
  const memory = Math.max(
    r.memoryBytes !== undefined ? toMiB(r.memoryBytes) : 0,
    r.memoryReservationBytes !== undefined ? toMiB(r.memoryReservationBytes) : 0,
  );
  return { cpu, memory };
}

/** The sum over the main container and its sidecars. */
export function workloadNeed(w: WorkloadSpec): TaskSize {
  return [w.main, ...w.sidecars].map(containerNeed).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
}
