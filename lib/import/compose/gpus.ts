import { GPU_CAPABILITIES, isGpuId } from '../../model/gpus';
import { asMap, asScalar, asSeq, asString, at, entry, reportUnhandled, type ImportContext } from './context';
import type { Located, LocatedMap } from './located';
import type { GpuPlan } from './plan';

/** GPUs where the file asks for them: the plan, and the key that asked. */
export interface GpusFound {
  readonly gpus: GpuPlan;
  readonly keyPath: string;
  readonly line: number;
}

/**
 * `deploy.resources.reservations.devices`: an entry with the capability `gpu` (or the driver `nvidia`) is a GPU
 * request; any other device reservation is reported and left out, as is a second GPU request.
 */
export function reservedGpusOf(ctx: ImportContext, node: Located, keyPath: string): GpusFound | undefined {
  let found: GpusFound | undefined;
  asSeq(ctx, node, keyPath).items.forEach((item, i) => {
    const p = `${keyPath}[${i}]`;
    const map = asMap(ctx, item, p);
    const capabilities = capabilitiesOf(ctx, map, p);
    const driver = entry(map, 'driver') ? asString(ctx, entry(map, 'driver')!.value, `${p}.driver`) : undefined;
    if (!capabilities.includes('gpu') && driver !== 'nvidia') {
      const what = [driver !== undefined ? `driver ${driver}` : undefined, `capabilities ${capabilities.join(', ') || '(none)'}`].filter(Boolean).join(', ');
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, p, item.line),
        `a device reservation of ${what} is not a GPU: the model reserves NVIDIA GPUs only, so it is left out.`,
        'Give the container a host device by its path in devices (e.g. /dev/dri), or reserve NVIDIA GPUs with capabilities: [gpu].',
      );
      return;
    }
    const gpus = gpuRequestOf(ctx, map, p, capabilities, driver);
    if (gpus) found = keepFirst(ctx, found, { gpus, keyPath: p, line: item.line });
  });
  return found;
}

/**
 * The service's `gpus`: `all`, or a list of device requests (driver, count, device_ids, capabilities); the GPUs of
 * `deploy.resources.reservations.devices` where it has none. Given in both places, `gpus` is kept.
 */
export function gpusOf(ctx: ImportContext, map: LocatedMap, keyPath: string, reserved: GpusFound | undefined): { readonly gpus?: GpuPlan } {
  const e = entry(map, 'gpus');
  let found: GpusFound | undefined;
  if (e) {
    const p = `${keyPath}.gpus`;
    if (e.value.kind === 'seq') {
      e.value.items.forEach((item, i) => {
        const ip = `${p}[${i}]`;
        const request = asMap(ctx, item, ip);
        const driver = entry(request, 'driver') ? asString(ctx, entry(request, 'driver')!.value, `${ip}.driver`) : undefined;
        const gpus = gpuRequestOf(ctx, request, ip, capabilitiesOf(ctx, request, ip), driver);
        if (gpus) found = keepFirst(ctx, found, { gpus, keyPath: ip, line: item.line });
      });
    } else {
      const value = asString(ctx, e.value, p);
      if (value === 'all') found = { gpus: { count: 'all' }, keyPath: p, line: e.line };
      else ctx.reporter.report('import/unsupported-value', at(ctx, p, e.line), `gpus ${JSON.stringify(value)} is neither all nor a list of GPU requests: it is left out.`, 'Write gpus: all, or a list such as [{ driver: nvidia, count: 1 }].');
    }
  }
  if (found && reserved) {
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, reserved.keyPath, reserved.line),
      'GPUs are asked for in gpus and in deploy.resources.reservations.devices: the model gives one GPU request, so gpus is kept and this one is left out.',
    );
  }
  const kept = found ?? reserved;
  return kept ? { gpus: kept.gpus } : {};
}

/** A second GPU request of a service, which the model cannot hold beside the first: reported, and the first kept. */
function keepFirst(ctx: ImportContext, first: GpusFound | undefined, next: GpusFound): GpusFound {
  if (!first) return next;
  ctx.reporter.report('import/unsupported-value', at(ctx, next.keyPath, next.line), `a second GPU request: the model gives one, so ${first.keyPath} is kept and this one is left out.`, 'Ask for the GPUs in one request.');
  return first;
}

/** `capabilities` of a device request, as written; the empty list when there is none. */
function capabilitiesOf(ctx: ImportContext, map: LocatedMap, keyPath: string): string[] {
  const e = entry(map, 'capabilities');
  if (!e) return [];
  return asSeq(ctx, e.value, `${keyPath}.capabilities`).items.map((item, i) => asString(ctx, item, `${keyPath}.capabilities[${i}]`));
}

/**
 * One request of NVIDIA GPUs: a count (`all`, or none, for all of the host's) or device ids, and its capabilities.
 * Another driver, a count that is no whole number, an id that names no GPU, or driver options: reported, and the
 * request (or the options) left out.
 */
function gpuRequestOf(ctx: ImportContext, map: LocatedMap, keyPath: string, capabilities: readonly string[], driver: string | undefined): GpuPlan | undefined {
  reportUnhandled(ctx, map, keyPath, new Set(['capabilities', 'count', 'device_ids', 'driver']), { options: 'The model passes no options to the GPU driver.' });
  if (driver !== undefined && driver !== 'nvidia') {
    ctx.reporter.report('import/unsupported-value', at(ctx, `${keyPath}.driver`, entry(map, 'driver')!.line), `driver ${driver}: the model gives NVIDIA GPUs only, so this GPU request is left out.`, 'Write driver: nvidia, or give the container its devices by path in devices.');
    return undefined;
  }
  const unknown = capabilities.filter((c) => !GPU_CAPABILITIES.includes(c));
  if (unknown.length > 0) {
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, `${keyPath}.capabilities`, entry(map, 'capabilities')!.line),
      `capabilities ${unknown.join(', ')} are not NVIDIA driver capabilities (${GPU_CAPABILITIES.join(', ')}): they are left out.`,
    );
  }
  const kept = [...new Set(capabilities.filter((c) => GPU_CAPABILITIES.includes(c) && c !== 'gpu'))].sort();
  const withCapabilities = (g: GpuPlan): GpuPlan => (kept.length > 0 ? { ...g, capabilities: kept } : g);
  const ids = entry(map, 'device_ids');
  const countEntry = entry(map, 'count');
  if (ids) {
    const p = `${keyPath}.device_ids`;
    const deviceIds = asSeq(ctx, ids.value, p).items.map((item, i) => asString(ctx, item, `${p}[${i}]`));
    const wrong = deviceIds.find((id, i) => !isGpuId(id) || deviceIds.indexOf(id) !== i);
    if (deviceIds.length === 0 || wrong !== undefined) {
      ctx.reporter.report('import/unsupported-value', at(ctx, p, ids.line), `device_ids ${JSON.stringify(deviceIds)} are not distinct GPU indexes or UUIDs: this GPU request is left out.`, "Write e.g. device_ids: ['0', '1'].");
      return undefined;
    }
    if (countEntry) {
      ctx.reporter.report('import/unsupported-value', at(ctx, `${keyPath}.count`, countEntry.line), 'count and device_ids exclude each other: device_ids is kept.');
    }
    return withCapabilities({ deviceIds });
  }
  if (!countEntry) return withCapabilities({ count: 'all' });
  const scalar = asScalar(ctx, countEntry.value, `${keyPath}.count`);
  const text = typeof scalar.value === 'string' ? asString(ctx, scalar, `${keyPath}.count`).trim() : String(scalar.value);
  if (text === 'all' || text === '-1') return withCapabilities({ count: 'all' });
  if (/^\d+$/.test(text) && Number(text) >= 1) return withCapabilities({ count: Number(text) });
  ctx.reporter.report('import/unsupported-value', at(ctx, `${keyPath}.count`, countEntry.line), `count ${text} is neither all nor a whole number of GPUs: this GPU request is left out.`, 'Write count: 1, or count: all.');
  return undefined;
}
