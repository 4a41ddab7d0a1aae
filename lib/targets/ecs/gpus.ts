import { gpuCapabilitiesFix, gpuCountFix, gpusText, unmetGpuCapabilities } from '../../model/gpus';
import type { ContainerSpec, SystemSpec, WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { GPU_INSTANCE_TYPES, gpuCount, gpuInstanceTypeFor } from './gpu-capacity';
import { workloadNeed } from './task-size';
import { workloadsOf } from './workloads';

/**
 * The GPUs of a container as a container definition's GPU resource requirement: the main container's count, on the
 * EC2 launch type; undefined elsewhere (checkGpus has said why).
 */
export function gpuRequirementsOf(spec: SystemSpec, c: ContainerSpec): { type: 'GPU'; value: string }[] | undefined {
  if (spec.options.ecs.launchType !== 'ec2') return undefined;
  const w = mainsOf(spec).get(c.path);
  const count = w ? gpuCount(w) : 0;
  return count > 0 ? [{ type: 'GPU', value: String(count) }] : undefined;
}

/** Each system's workloads by the path of their main container, made once. */
const mains = new WeakMap<SystemSpec, ReadonlyMap<string, WorkloadSpec>>();

function mainsOf(spec: SystemSpec): ReadonlyMap<string, WorkloadSpec> {
  let byPath = mains.get(spec);
  if (!byPath) {
    byPath = new Map(workloadsOf(spec).map((w) => [w.main.path, w]));
    mains.set(spec, byPath);
  }
  return byPath;
}

/**
 * What ECS can give of a workload's GPUs: a number of them, to a task on an EC2 container instance that has them.
 * Fargate has none; all of an instance's GPUs, or GPUs by id, cannot be said; a task no listed GPU instance type
 * holds (gpu-capacity.ts) is placed nowhere; capabilities beyond the NVIDIA runtime's default come only from the
 * container's NVIDIA_DRIVER_CAPABILITIES.
 */
export function checkGpus(spec: SystemSpec, w: WorkloadSpec, d: EcsReporter): void {
  const g = w.gpus;
  if (!g) return;
  const path = `${w.path} gpus`;
  if (spec.options.ecs.launchType === 'fargate') {
    d.report('ecs/gpus-fargate', path, `Fargate gives a task no GPUs: ${w.name} cannot be given ${gpusText(g)}`, "Set targetOptions.ecs.launchType 'ec2', with GPU container instances in the cluster.");
    return;
  }
  if (typeof g.count !== 'number') {
    d.report('ecs/gpus-not-counted', path, `ECS gives a container a number of GPUs only (gpuCount): ${w.name} cannot be given ${gpusText(g)}`, gpuCountFix(g));
    return;
  }
  if (!gpuInstanceTypeFor(spec, w)) {
    const need = workloadNeed(w);
    const largest = GPU_INSTANCE_TYPES.reduce((a, t) => ({ gpus: Math.max(a.gpus, t.gpus), cpu: Math.max(a.cpu, t.cpu), memory: Math.max(a.memory, t.memory) }), { gpus: 0, cpu: 0, memory: 0 });
    d.report(
      'ecs/gpus-instance-type',
      path,
      `no GPU instance type lading chooses from (${GPU_INSTANCE_TYPES.map((t) => t.name).join(', ')}) holds a task of ${w.name}, which needs ${gpusText(g)}, ${need.cpu > 0 ? `${need.cpu} CPU units` : 'no CPU units'} and ${need.memory} MiB beside the daemon tasks: it is placed on no container instance`,
      `Ask for at most ${largest.gpus} GPUs, ${largest.cpu} CPU units and ${largest.memory} MiB less the daemon tasks, or add a capacity provider of larger GPU instances to the cluster in the CDK app.`,
    );
  }
  const unmet = unmetGpuCapabilities(w);
  if (unmet.length > 0) {
    d.report(
      'ecs/gpu-capabilities',
      `${w.path} gpus.capabilities`,
      `a task definition asks for no GPU capabilities: ${w.name} gets the NVIDIA runtime's default (compute, utility), not ${unmet.join(', ')}`,
      gpuCapabilitiesFix(w),
    );
  }
}
