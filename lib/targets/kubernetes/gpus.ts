import { gpuCapabilitiesFix, gpuCountFix, gpusText, unmetGpuCapabilities } from '../../model/gpus';
import type { WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { isObject, type ContainerIntent, type JsonObject } from './overrides';

/** The extended resource the NVIDIA device plugin offers, one per GPU. */
const GPU_RESOURCE = 'nvidia.com/gpu';

/**
 * The main container's intent with its GPUs as a limit of `nvidia.com/gpu` (a pod asks for an extended resource by
 * its limit; the request follows it), which the NVIDIA device plugin offers. A pod asks for a number of GPUs only: all
 * of a node's, or GPUs by id, are an error. Capabilities beyond the NVIDIA runtime's default come only from the
 * container's NVIDIA_DRIVER_CAPABILITIES.
 */
export function withGpus(intent: ContainerIntent, w: WorkloadSpec, reporter: KubernetesReporter): ContainerIntent {
  const g = w.gpus;
  if (!g) return intent;
  const path = `${w.path} gpus`;
  if (typeof g.count !== 'number') {
    reporter.report('kubernetes/gpus-not-counted', path, `a pod requests GPUs by count only (the resource ${GPU_RESOURCE}): ${w.name} cannot be given ${gpusText(g)}`, gpuCountFix(g));
    return intent;
  }
  reporter.report(
    'kubernetes/gpus',
    path,
    `${w.name} requests ${gpusText(g)} as the resource ${GPU_RESOURCE}: its pods run only on nodes where the NVIDIA device plugin offers them, and tolerate their taint ${GPU_RESOURCE}:NoSchedule`,
    'Install the NVIDIA device plugin (or the NVIDIA GPU Operator) on the GPU nodes of the cluster.',
  );
  const unmet = unmetGpuCapabilities(w);
  if (unmet.length > 0) {
    reporter.report(
      'kubernetes/gpu-capabilities',
      `${w.path} gpus.capabilities`,
      `a pod asks for no GPU capabilities: ${w.name} gets the NVIDIA runtime's default (compute, utility), not ${unmet.join(', ')}`,
      gpuCapabilitiesFix(w),
    );
  }
  const resources = intent.resources ?? {};
  return { ...intent, resources: { ...resources, limits: { ...resources.limits, [GPU_RESOURCE]: String(g.count) } } };
}

/** The taint GPU nodes of managed clusters carry (EKS, AKS with the NVIDIA GPU Operator; GKE adds the toleration itself). */
const GPU_TOLERATION: JsonObject = { key: GPU_RESOURCE, operator: 'Exists', effect: 'NoSchedule' };

/**
 * A pod whose main container requests GPUs by count tolerates the `nvidia.com/gpu` taint of GPU nodes, so that it can
 * be scheduled where its GPUs are.
 */
export function applyGpuToleration(template: JsonObject, w: WorkloadSpec): void {
  if (typeof w.gpus?.count !== 'number' || !isObject(template.spec)) return;
  template.spec.tolerations = [{ ...GPU_TOLERATION }];
}
