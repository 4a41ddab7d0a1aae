import { gpuCapabilitiesFix, gpuCountFix, gpusText, unmetGpuCapabilities } from '../../model/gpus';
import type { WorkloadSpec } from '../../model/spec';
import { propPath } from '../docker-engine/prop-path';
import type { StackMap } from './document';
import type { SwarmScope } from './scope';

/** The generic resource a Swarm node advertises for each of its NVIDIA GPUs. */
const GPU_RESOURCE = 'NVIDIA-GPU';

/**
 * GPUs, which `docker stack deploy` cannot reserve as devices: a count is a generic resource (`NVIDIA-GPU`) that
 * nodes advertise; all GPUs, or GPUs by id, cannot be said (an error). The capabilities beyond the NVIDIA runtime's
 * default come only from the container's NVIDIA_DRIVER_CAPABILITIES.
 */
export function reportGpus(scope: SwarmScope, w: WorkloadSpec): void {
  const g = w.gpus;
  if (!g) return;
  const path = propPath(w.path, 'gpus');
  if (typeof g.count !== 'number') {
    scope.reporter.report(
      'swarm/gpus-not-counted',
      path,
      `Swarm reserves GPUs by count only (the generic resource ${GPU_RESOURCE}): ${w.name} cannot be given ${gpusText(g)}.`,
      gpuCountFix(g),
    );
    return;
  }
  scope.reporter.report(
    'swarm/gpus',
    path,
    `${w.name} reserves ${gpusText(g)} as the generic resource ${GPU_RESOURCE}: Swarm places its tasks only on nodes that advertise that many.`,
    `On each GPU node, list its GPUs in /etc/docker/daemon.json ("node-generic-resources": ["${GPU_RESOURCE}=GPU-<uuid>"], one per GPU of nvidia-smi -L) with "default-runtime": "nvidia", and set swarm-resource = "DOCKER_RESOURCE_${GPU_RESOURCE}" in /etc/nvidia-container-runtime/config.toml.`,
  );
  const unmet = unmetGpuCapabilities(w);
  if (unmet.length > 0) {
    scope.reporter.report(
      'swarm/gpu-capabilities',
      propPath(w.path, 'gpus.capabilities'),
      `a Swarm service asks for no GPU capabilities: ${w.name} gets the NVIDIA runtime's default (compute, utility), not ${unmet.join(', ')}.`,
      gpuCapabilitiesFix(w),
    );
  }
}

/** `deploy.resources.reservations.generic_resources` of the main container: its GPUs, where counted. */
export function gpuGenericResources(w: WorkloadSpec): StackMap[] | undefined {
  if (typeof w.gpus?.count !== 'number') return undefined;
  return [{ discrete_resource_spec: { kind: GPU_RESOURCE, value: w.gpus.count } }];
}
