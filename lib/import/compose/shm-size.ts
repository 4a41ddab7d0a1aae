import { at, entry, type ImportContext } from './context';
import { sizeNotation } from './deploy';
import type { LocatedMap } from './located';
import type { MountPlan } from './plan';

/** Where the engine mounts a container's shared memory. */
const SHM = '/dev/shm';

/**
 * `shm_size` (`docker run --shm-size`): the size of the container's shared memory, which is a tmpfs at /dev/shm, so
 * it is imported as that mount: a tmpfs of that size on the Docker engine, a memory-backed emptyDir on Kubernetes.
 * A mount the file already places at /dev/shm wins, as it does on the engine.
 */
export function shmMount(ctx: ImportContext, service: LocatedMap, keyPath: string, mounts: readonly MountPlan[]): MountPlan | undefined {
  const e = entry(service, 'shm_size');
  if (!e) return undefined;
  const p = `${keyPath}.shm_size`;
  if (mounts.some((m) => m.target === SHM || m.target === `${SHM}/`)) {
    ctx.reporter.report('import/unsupported-value', at(ctx, p, e.line), `a mount at ${SHM} replaces the shared memory: shm_size is left out.`, 'Give the size to that mount.');
    return undefined;
  }
  return { kind: 'ephemeral', target: SHM, tmpfs: true, sizeLimit: sizeNotation(ctx, e.value, p), readOnly: false };
}
