import type { GpuSpec } from '../../model/spec';

/** One field of `--gpus`, which Docker reads as CSV: a field with a comma is quoted. */
function csvField(text: string): string {
  return text.includes(',') ? `"${text}"` : text;
}

/**
 * The value of `docker run --gpus`: `all`, `2`, `"device=0,1"`, with `capabilities=...` for the driver capabilities
 * beyond `gpu` (which Docker adds itself).
 */
export function gpusFlag(g: GpuSpec): string {
  const which = g.deviceIds ? csvField(`device=${g.deviceIds.join(',')}`) : String(g.count);
  return g.capabilities.length > 0 ? `${which},${csvField(`capabilities=${g.capabilities.join(',')}`)}` : which;
}
