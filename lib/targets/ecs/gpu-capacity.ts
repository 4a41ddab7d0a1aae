import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { TASK_INTERFACES } from './ec2-networking';
import { networkModeOf } from './networks';
import { workloadNeed } from './task-size';
import { workloadsOf } from './workloads';

/**
 * GPU container instances on the EC2 launch type: what a system whose workloads ask for a number of GPUs gets beside
 * the general capacity (ec2-capacity.ts builds both). The ECS scheduler places a task that requires GPUs only on an
 * instance with that many GPUs free, so these instances are where such tasks run.
 */

/** A GPU instance type: its NVIDIA GPUs, vCPUs as CPU units (1024 each) and memory in MiB. */
export interface GpuInstanceType {
  readonly name: string;
  readonly gpus: number;
  readonly cpu: number;
  readonly memory: number;
}

/** The GPU instance types lading chooses from, cheapest first (on-demand price); the first that holds the task wins. */
export const GPU_INSTANCE_TYPES: readonly GpuInstanceType[] = [
  { name: 'g4dn.xlarge', gpus: 1, cpu: 4 * 1024, memory: 16 * 1024 },
  { name: 'g4dn.2xlarge', gpus: 1, cpu: 8 * 1024, memory: 32 * 1024 },
  { name: 'g4dn.4xlarge', gpus: 1, cpu: 16 * 1024, memory: 64 * 1024 },
  { name: 'g4dn.8xlarge', gpus: 1, cpu: 32 * 1024, memory: 128 * 1024 },
  { name: 'g4dn.12xlarge', gpus: 4, cpu: 48 * 1024, memory: 192 * 1024 },
  { name: 'g4dn.16xlarge', gpus: 1, cpu: 64 * 1024, memory: 256 * 1024 },
  { name: 'g4dn.metal', gpus: 8, cpu: 96 * 1024, memory: 384 * 1024 },
  { name: 'g5.48xlarge', gpus: 8, cpu: 192 * 1024, memory: 768 * 1024 },
];

/** Memory the ECS agent and the OS keep for themselves on a container instance (MiB). */
export const INSTANCE_RESERVED_MIB = 512;

/** A daemon task without a memory size gets the default of the EC2 launch type (ecs/ec2-default-memory). */
const DEFAULT_TASK_MIB = 512;

/** What one task asks of an instance: GPUs, CPU units, MiB, and a network interface in awsvpc mode. */
interface TaskNeed {
  readonly gpus: number;
  readonly cpu: number;
  readonly memory: number;
  readonly awsvpc: boolean;
}

/** The daemon services: one task of each runs on every container instance, GPU ones too. */
export function daemonsOf(spec: SystemSpec): WorkloadSpec[] {
  return workloadsOf(spec).filter((w) => w.kind === 'service' && w.global === true && gpuCount(w) === 0);
}

/** What one task of every daemon service takes on each instance: CPU units, MiB and awsvpc network interfaces. */
export function daemonNeedOf(spec: SystemSpec): { cpu: number; memory: number; interfaces: number } {
  return daemonsOf(spec).reduce(
    (a, w) => {
      const need = workloadNeed(w);
      return { cpu: a.cpu + need.cpu, memory: a.memory + (need.memory > 0 ? need.memory : DEFAULT_TASK_MIB), interfaces: a.interfaces + (networkModeOf(spec, w) === 'awsvpc' ? 1 : 0) };
    },
    { cpu: 0, memory: 0, interfaces: 0 },
  );
}

/** The GPUs a task of the workload requires on EC2: its count, or 0 (no GPUs, or GPUs ECS cannot count: ecs/gpus-not-counted). */
export function gpuCount(w: WorkloadSpec): number {
  return typeof w.gpus?.count === 'number' ? w.gpus.count : 0;
}

/** The workloads that run on GPU instances: those whose task requires a number of GPUs, on the EC2 launch type. */
export function gpuWorkloadsOf(spec: SystemSpec): WorkloadSpec[] {
  return spec.options.ecs.launchType === 'ec2' ? workloadsOf(spec).filter((w) => gpuCount(w) > 0) : [];
}

function taskNeedOf(spec: SystemSpec, w: WorkloadSpec): TaskNeed {
  const need = workloadNeed(w);
  return { gpus: gpuCount(w), cpu: need.cpu, memory: need.memory > 0 ? need.memory : DEFAULT_TASK_MIB, awsvpc: networkModeOf(spec, w) === 'awsvpc' };
}

/** How many tasks of this need one instance of the type holds beside the daemon tasks (0: none). */
function tasksPerInstance(t: GpuInstanceType, need: TaskNeed, daemons: ReturnType<typeof daemonNeedOf>): number {
  const cpu = t.cpu - daemons.cpu;
  const memory = t.memory - INSTANCE_RESERVED_MIB - daemons.memory;
  const interfaces = TASK_INTERFACES[t.name] - daemons.interfaces;
  return Math.min(
    Math.floor(t.gpus / need.gpus),
    need.cpu > 0 ? Math.floor(cpu / need.cpu) : Infinity,
    Math.floor(memory / need.memory),
    need.awsvpc ? interfaces : Infinity,
  );
}

/** The GPU instance type that holds one task of the workload beside the daemon tasks; undefined when none does. */
export function gpuInstanceTypeFor(spec: SystemSpec, w: WorkloadSpec): GpuInstanceType | undefined {
  const need = taskNeedOf(spec, w);
  return GPU_INSTANCE_TYPES.find((t) => tasksPerInstance(t, need, daemonNeedOf(spec)) >= 1);
}

/**
 * Tasks of a GPU workload that run at once: a service's replicas (its autoscaling maximum), and one more while a
 * rolling update starts the new task before the old one stops; one for a job.
 */
function concurrentTasks(w: WorkloadSpec): number {
  if (w.kind !== 'service') return 1;
  return (w.autoscale?.max ?? w.replicas) + (w.rollout === 'rolling' ? 1 : 0);
}

export interface GpuCapacity {
  readonly type: GpuInstanceType;
  readonly instances: number;
  /** The GPU workloads the instances are sized for (those no listed type holds are left to ecs/gpus-instance-type). */
  readonly workloads: readonly WorkloadSpec[];
  /** The largest GPU task: GPUs, CPU units and MiB. */
  readonly largest: { readonly gpus: number; readonly cpu: number; readonly memory: number };
  readonly tasks: number;
}

/**
 * The GPU instances of a system: of the first listed type that holds the largest GPU task of each kind (GPUs, CPU,
 * memory, a network interface) beside a task of every daemon service, and for each GPU workload enough of them for
 * all its tasks at once, counted workload by workload (tasks of two workloads are not assumed to share an
 * instance). Undefined when no workload needs GPUs, or none fits a listed type.
 */
export function gpuCapacityOf(spec: SystemSpec): GpuCapacity | undefined {
  if (!capacities.has(spec)) capacities.set(spec, findGpuCapacity(spec));
  return capacities.get(spec);
}

/** The GPU capacity of each system, worked out once: every service and job asks (offGpuInstances). */
const capacities = new WeakMap<SystemSpec, GpuCapacity | undefined>();

function findGpuCapacity(spec: SystemSpec): GpuCapacity | undefined {
  const gpuWorkloads = gpuWorkloadsOf(spec);
  if (gpuWorkloads.length === 0) return undefined;
  const daemons = daemonNeedOf(spec);
  const fitting = gpuWorkloads.filter((w) => gpuInstanceTypeFor(spec, w) !== undefined);
  if (fitting.length === 0) return undefined;
  const needs = fitting.map((w) => ({ w, need: taskNeedOf(spec, w) }));
  const type = GPU_INSTANCE_TYPES.find((t) => needs.every(({ need }) => tasksPerInstance(t, need, daemons) >= 1)) ?? GPU_INSTANCE_TYPES[GPU_INSTANCE_TYPES.length - 1];
  const held = needs.filter(({ need }) => tasksPerInstance(type, need, daemons) >= 1);
  const instances = held.reduce((n, { w, need }) => n + Math.ceil(concurrentTasks(w) / tasksPerInstance(type, need, daemons)), 0);
  const largest = held.reduce((a, { need }) => ({ gpus: Math.max(a.gpus, need.gpus), cpu: Math.max(a.cpu, need.cpu), memory: Math.max(a.memory, need.memory) }), { gpus: 0, cpu: 0, memory: 0 });
  return { type, instances, workloads: held.map(({ w }) => w), largest, tasks: held.reduce((n, { w }) => n + concurrentTasks(w), 0) };
}

/**
 * The placement constraint that keeps a task that needs no GPU off the GPU instances, so their CPU and memory stay
 * for the GPU tasks they are sized for: `attribute:ecs.instance-type != <type>`, every instance's own attribute.
 * Undefined when the system has no GPU instances, for a task that needs GPUs, and for a daemon task (one runs on
 * every instance; the GPU instances are sized for it).
 */
export function offGpuInstances(spec: SystemSpec, w: WorkloadSpec): { readonly type: 'memberOf'; readonly expression: string } | undefined {
  if (gpuCount(w) > 0 || (w.kind === 'service' && w.global === true)) return undefined;
  const gpu = gpuCapacityOf(spec);
  return gpu && { type: 'memberOf', expression: `attribute:ecs.instance-type != ${gpu.type.name}` };
}
