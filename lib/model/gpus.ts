import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import type { GpuSpec, WorkloadSpec } from './spec';

/**
 * NVIDIA GPUs given to the main container (`docker run --gpus`, Compose `gpus` or a device reservation with
 * `capabilities: [gpu]`). Give `count` or `deviceIds`, not both.
 */
export interface GpuProps {
  /**
   * How many GPUs, or `'all'` of the host's (`--gpus 2`, `--gpus all`). Kubernetes, ECS and Swarm reserve a number
   * of GPUs only: `'all'` is an error there.
   * @default - none: give count or deviceIds
   */
  readonly count?: number | 'all';
  /**
   * The GPUs by index or UUID, as `nvidia-smi -L` lists them (`--gpus '"device=0,1"'`, Compose `device_ids`).
   * Docker and Compose only: Kubernetes, ECS and Swarm cannot pick a GPU, an error there.
   * @default - none: give count or deviceIds
   */
  readonly deviceIds?: readonly string[];
  /**
   * NVIDIA driver capabilities beyond `gpu`: `compute`, `utility`, `video` (NVENC/NVDEC), `graphics`, `display`,
   * `compat32` (Compose `capabilities`). Docker and Compose pass them; on Kubernetes, ECS and Swarm the node's
   * NVIDIA runtime gives compute and utility unless the container's `NVIDIA_DRIVER_CAPABILITIES` says otherwise (a
   * warning for any other).
   * @default - the runtime's default: compute and utility
   */
  readonly capabilities?: readonly string[];
}

const GPU_PROPS = propNames<GpuProps>({ count: true, deviceIds: true, capabilities: true });

/** NVIDIA driver capabilities, as Docker's `--gpus capabilities=` and Compose name them; `gpu` asks for the GPU itself. */
export const GPU_CAPABILITIES: readonly string[] = ['compat32', 'compute', 'display', 'gpu', 'graphics', 'utility', 'video'];

/** What the NVIDIA runtime gives a container whose `NVIDIA_DRIVER_CAPABILITIES` is unset. */
const DEFAULT_GPU_CAPABILITIES: readonly string[] = ['compute', 'utility'];

const EXAMPLE = "Write e.g. gpus: { count: 1 }, { count: 'all' } or { deviceIds: ['0', '1'] }";
const DEVICE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** Whether a text names one GPU, by index or UUID, as `nvidia-smi -L` lists it. */
export function isGpuId(text: string): boolean {
  return DEVICE_ID.test(text);
}

/** The main container's GPUs; undefined when none is asked for. */
export function resolveGpus(path: string, value: unknown): GpuSpec | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelError(path, 'gpus', 'must be an object with count or deviceIds', value, EXAMPLE);
  checkKnownProps(path, 'gpus', value, GPU_PROPS);
  const { count, deviceIds, capabilities } = value as { count?: unknown; deviceIds?: unknown; capabilities?: unknown };
  if (count !== undefined && deviceIds !== undefined) throw new ModelError(path, 'gpus', 'give count or deviceIds, not both', value, EXAMPLE);
  if (count === undefined && deviceIds === undefined) throw new ModelError(path, 'gpus', 'give count or deviceIds', value, EXAMPLE);
  if (count !== undefined && count !== 'all' && !(typeof count === 'number' && Number.isInteger(count) && count >= 1)) {
    throw new ModelError(path, 'gpus.count', "must be a whole number of at least 1, or 'all'", count, "Write e.g. count: 1 or count: 'all'");
  }
  const ids = deviceIds === undefined ? undefined : resolveDeviceIds(path, deviceIds);
  return { ...(count !== undefined ? { count: count as number | 'all' } : {}), ...(ids ? { deviceIds: ids } : {}), capabilities: resolveCapabilities(path, capabilities) };
}

function resolveDeviceIds(path: string, value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) throw new ModelError(path, 'gpus.deviceIds', 'must be a non-empty list of GPU indexes or UUIDs', value, "Write e.g. deviceIds: ['0', '1']");
  value.forEach((id, i) => {
    if (typeof id !== 'string' || !isGpuId(id)) {
      throw new ModelError(path, `gpus.deviceIds[${i}]`, 'a GPU is its index or UUID, as nvidia-smi -L lists it (letters, digits, ., _, :, -)', id, "Write e.g. '0' or 'GPU-3a2c9f1e-...'");
    }
    if (value.indexOf(id) !== i) throw new ModelError(path, `gpus.deviceIds[${i}]`, 'names a GPU already listed', id, 'List each GPU once.');
  });
  return [...value] as string[];
}

/** The capabilities beyond `gpu`, sorted and once each; empty for the runtime's default. */
function resolveCapabilities(path: string, value: unknown): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ModelError(path, 'gpus.capabilities', 'must be a list of NVIDIA driver capabilities', value, "Write e.g. capabilities: ['video']");
  value.forEach((c, i) => {
    if (typeof c !== 'string' || !GPU_CAPABILITIES.includes(c)) {
      throw new ModelError(path, `gpus.capabilities[${i}]`, `a capability is one of ${GPU_CAPABILITIES.join(', ')}`, c, "Write e.g. capabilities: ['video']");
    }
  });
  return [...new Set(value as string[])].filter((c) => c !== 'gpu').sort();
}

/** The GPUs as a person says them: `all GPUs`, `2 GPUs`, `GPUs 0, 1`. */
export function gpusText(g: GpuSpec): string {
  if (g.deviceIds) return `GPU${g.deviceIds.length > 1 ? 's' : ''} ${g.deviceIds.join(', ')}`;
  return g.count === 'all' ? 'all GPUs' : `${g.count} GPU${g.count === 1 ? '' : 's'}`;
}

/** The fix where GPUs are reserved by count only (Kubernetes, ECS, Swarm): the count to give instead. */
export function gpuCountFix(g: GpuSpec): string {
  return g.deviceIds ? `Give a count instead of the ids: gpus: { count: ${g.deviceIds.length} }.` : 'Give a count, the GPUs a task needs: gpus: { count: 1 }.';
}

/**
 * The capabilities a workload asks for that the NVIDIA runtime of a node does not give by default, where only the
 * container's `NVIDIA_DRIVER_CAPABILITIES` asks for them (Kubernetes, ECS, Swarm); none when its env sets that.
 */
export function unmetGpuCapabilities(w: WorkloadSpec): readonly string[] {
  if (!w.gpus || w.main.env.NVIDIA_DRIVER_CAPABILITIES !== undefined) return [];
  return w.gpus.capabilities.filter((c) => !DEFAULT_GPU_CAPABILITIES.includes(c));
}

/** The fix for unmet capabilities: the env var the NVIDIA runtime reads, with the default ones kept. */
export function gpuCapabilitiesFix(w: WorkloadSpec): string {
  const all = [...new Set([...DEFAULT_GPU_CAPABILITIES, ...(w.gpus?.capabilities ?? [])])].sort();
  return `Add NVIDIA_DRIVER_CAPABILITIES: '${all.join(',')}' to the env of ${w.name}: the NVIDIA runtime of the node reads it.`;
}
