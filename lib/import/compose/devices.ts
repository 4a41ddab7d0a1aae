import { asSeq, asString, at, entry, type ImportContext } from './context';
import type { LocatedMap } from './located';

/**
 * `devices` in `docker run --device` notation (`/dev/dri`, `/dev/net/tun:/dev/net/tun:rwm`). A CDI name
 * (`nvidia.com/gpu=all`) is not a host path: it is reported and left out.
 */
export function devicesOf(ctx: ImportContext, map: LocatedMap, keyPath: string): { readonly devices?: readonly string[] } {
  const e = entry(map, 'devices');
  if (!e) return {};
  const p = `${keyPath}.devices`;
  const out: string[] = [];
  asSeq(ctx, e.value, p).items.forEach((item, i) => {
    const text = asString(ctx, item, `${p}[${i}]`).trim();
    if (/^\/[^\s:]*(:\/[^\s:]*)?(:[rwm]{1,3})?$/.test(text)) {
      out.push(text);
      return;
    }
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, `${p}[${i}]`, item.line),
      `device ${JSON.stringify(text)} is not a host path (a CDI device name is not): it is left out.`,
      'Write the host path of the device, e.g. /dev/dri.',
    );
  });
  return out.length > 0 ? { devices: out } : {};
}
