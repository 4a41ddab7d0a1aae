import { gpuCapabilitiesFix, gpuCountFix, gpusText, unmetGpuCapabilities } from '../../model/gpus';
import type { ContainerSpec, SystemSpec, WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { workloadsOf } from './workloads';

/**
 * The GPUs of a container as a container definition's GPU resource requirement: the main container's count, on the
 * EC2 launch type; undefined elsewhere (checkGpus has said why).
 */
export function gpuRequirementsOf(spec: SystemSpec, c: ContainerSpec): { type: 'GPU'; value: string }[] | undefined {
  if (spec.options.ecs.launchType !== 'ec2') return undefined;
  const count = workloadsOf(spec).find((w) => w.main.path === c.path)?.gpus?.count;
  return typeof count === 'number' ? [{ type: 'GPU', value: String(count) }] : undefined;
}

/**
 * What ECS can give of a workload's GPUs: a number of them, to a task on an EC2 container instance that has them.
 * Fargate has none; all of an instance's GPUs, or GPUs by id, cannot be said; the cluster's own capacity (lading's
 * general-purpose instances, the standard ECS-optimized AMI) has no GPU; capabilities beyond the NVIDIA runtime's
 * default come only from the container's NVIDIA_DRIVER_CAPABILITIES.
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
  d.report(
    'ecs/gpus-capacity',
    path,
    `the container instances lading gives the cluster (general-purpose types, the standard ECS-optimized AMI) have no GPU: a task of ${w.name}, which needs ${gpusText(g)}, is placed on none of them`,
    'Add a capacity provider of GPU instances to the cluster in the CDK app (e.g. g5.xlarge with ecs.EcsOptimizedImage.amazonLinux2(ecs.AmiHardwareType.GPU)).',
  );
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
