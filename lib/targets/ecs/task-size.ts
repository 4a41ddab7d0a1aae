import type { ContainerSpec, SystemSpec, WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { EC2_FIX } from './launch-type';

/**
 * CPU and memory on ECS: containers keep their own `cpu` (shares) and memory in whole MiB; a Fargate task gets the
 * smallest valid CPU/memory pair that holds its containers, an EC2 task their sum.
 */

const MIB = 1024 * 1024;

/** Valid Fargate task sizes: CPU units and the memory sizes (MiB) each allows. */
const FARGATE_SIZES: readonly { cpu: number; memory: readonly number[] }[] = [
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

interface TaskSize {
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
function containerNeed(c: ContainerSpec): TaskSize {
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

/** Fargate cannot run a task larger than its largest size. */
export function checkTaskFits(spec: SystemSpec, w: WorkloadSpec, d: EcsReporter): void {
  if (spec.options.ecs.launchType !== 'fargate') return;
  const need = workloadNeed(w);
  if (!smallestFargateSize(need)) {
    d.report('ecs/fargate-task-too-large', `${w.path} resources`, `the containers need ${need.cpu} CPU units and ${need.memory} MiB, more than the largest Fargate task (16384 CPU units, 122880 MiB)`, `Lower cpus or memory, or ${EC2_FIX.toLowerCase()}.`);
  }
}

function describe(need: TaskSize): string {
  return `${need.cpu > 0 ? `${need.cpu} CPU units` : 'no CPU'} and ${need.memory > 0 ? `${need.memory} MiB` : 'no memory'}`;
}

/**
 * Task CPU and memory: the smallest Fargate pair that holds the containers, or on EC2 their sum (512 MiB when no
 * container sets memory). Undefined when no Fargate size holds them (checkTaskFits reported it).
 */
export function taskSizeOf(spec: SystemSpec, w: WorkloadSpec, d: EcsReporter): { cpu?: number; memory?: number } | undefined {
  const need = workloadNeed(w);
  const where = `${w.path} resources`;
  if (spec.options.ecs.launchType === 'ec2') {
    if (need.memory === 0) {
      d.report('ecs/ec2-default-memory', where, 'no container sets memory or a memory reservation: the task gets 512 MiB');
    }
    return { cpu: need.cpu > 0 ? need.cpu : undefined, memory: need.memory > 0 ? need.memory : 512 };
  }
  if (need.cpu === 0 && need.memory === 0) {
    d.report('ecs/fargate-default-size', where, 'no container sets CPU or memory: the task gets 256 CPU units (0.25 vCPU) and 512 MiB', 'Set resources (cpus, memory) to size it.');
    return { cpu: 256, memory: 512 };
  }
  const size = smallestFargateSize(need);
  if (!size) return undefined;
  if (size.cpu !== need.cpu || size.memory !== need.memory) {
    d.report('ecs/fargate-task-size', where, `the containers need ${describe(need)}; the smallest Fargate size that holds them is ${size.cpu} CPU units and ${size.memory} MiB`);
  }
  return size;
}

/** A container's memory limit or reservation in whole MiB, rounded up with a note when it is not whole. */
export function containerMiB(c: ContainerSpec, prop: 'memory' | 'memoryReservation', d: EcsReporter): number | undefined {
  const bytes = prop === 'memory' ? c.resources.memoryBytes : c.resources.memoryReservationBytes;
  if (bytes === undefined) return undefined;
  const value = toMiB(bytes);
  if (value * MIB !== bytes) d.report('ecs/memory-rounded', `${c.path} resources.${prop}`, `${bytes} bytes is not a whole number of MiB: using ${value} MiB`);
  return value;
}
