import { asBoolean, asMap, asSeq, asString, at, entry, fail, reportUnhandled, type ImportContext } from './context';
import type { Located, LocatedMap } from './located';
import type { MountPlan, TmpfsOwnershipPlan } from './plan';
import { tmpfsLongMode, tmpfsOwnership } from './security';
import { shmMount } from './shm-size';
import { bytesText, hostPath } from './paths';

/** What the named volumes and the project binds of a service's `volumes` become. */
export interface VolumeResolver {
  /**
   * The model name of a named volume, declared when the file did not (with a diagnostic), or the host path that a
   * local volume binds.
   */
  named(composeName: string, keyPath: string, line: number): string | { readonly bind: string };
  /** A bind of the file, noted where it was written; `settle` decides what it becomes. */
  bind(mount: Extract<MountPlan, { kind: 'bind' }>, keyPath: string, line: number): MountPlan;
  /**
   * What a service's mounts become once its image is known (binds the built image carries are marked `inImage`):
   * a bind of a data folder becomes a volume with a host path; every other mount stays as it is.
   */
  settle(mounts: readonly MountPlan[]): MountPlan[];
}

/** A mount of a named volume: of the model's volume, or a bind mount of the host path it binds. */
function namedMount(volumes: VolumeResolver, source: string, target: string, readOnly: boolean, keyPath: string, line: number): MountPlan {
  const v = volumes.named(source, keyPath, line);
  return typeof v === 'string' ? { kind: 'volume', volume: v, target, readOnly } : { kind: 'bind', source: v.bind, target, readOnly };
}

const isHostPath = (source: string): boolean => source.startsWith('.') || source.startsWith('/') || source.startsWith('~');

/** Short-syntax options that change nothing the model can say, or that the model cannot say. */
const HARMLESS = new Set(['rw', 'cached', 'delegated', 'consistent']);

/** A service's `volumes` (short and long syntax), `tmpfs` and `shm_size`, in the order written. */
export function mountsOf(ctx: ImportContext, service: LocatedMap, keyPath: string, volumes: VolumeResolver): MountPlan[] {
  const mounts: MountPlan[] = [];
  const volumesEntry = entry(service, 'volumes');
  if (volumesEntry) {
    const p = `${keyPath}.volumes`;
    asSeq(ctx, volumesEntry.value, p).items.forEach((item, i) => {
      const ip = `${p}[${i}]`;
      const m = item.kind === 'map' ? longMount(ctx, item, ip, volumes) : shortMount(ctx, asString(ctx, item, ip), ip, item.line, volumes);
      if (m) mounts.push(m);
    });
  }
  const tmpfs = entry(service, 'tmpfs');
  if (tmpfs) {
    const p = `${keyPath}.tmpfs`;
    const items: Array<{ node: Located; path: string }> =
      tmpfs.value.kind === 'seq' ? tmpfs.value.items.map((node, i) => ({ node, path: `${p}[${i}]` })) : [{ node: tmpfs.value, path: p }];
    for (const { node, path } of items) mounts.push(tmpfsMount(ctx, asString(ctx, node, path), path, node.line));
  }
  const shm = shmMount(ctx, service, keyPath, mounts);
  if (shm) mounts.push(shm);
  return mounts;
}

function shortMount(ctx: ImportContext, text: string, keyPath: string, line: number, volumes: VolumeResolver): MountPlan | undefined {
  const parts = text.split(':');
  if (parts.length > 3 || parts.some((x) => x === '')) fail(ctx, keyPath, line, `not a volume (got ${JSON.stringify(text)}); write e.g. "data:/var/lib/data", "./src:/app:ro" or "/cache"`);
  if (parts.length === 1) return { kind: 'ephemeral', target: parts[0], tmpfs: false, readOnly: false };
  const [source, target, mode = ''] = parts;
  let readOnly = false;
  for (const option of mode.split(',').filter((o) => o !== '')) {
    if (option === 'ro') readOnly = true;
    else if (option === 'z' || option === 'Z') {
      // a named volume lives where Docker labels it for containers already
      if (!isHostPath(source)) continue;
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, keyPath, line),
        `volume option ${option} relabels ${source} for SELinux (${option === 'z' ? 'shared by containers' : 'private to this container'}): the model has no SELinux labels, so it is left out, and on a host that enforces SELinux the container may be denied the files; other hosts ignore it.`,
        `On an SELinux host, label the folder once: chcon -Rt container_file_t ${source}.`,
      );
    } else if (!HARMLESS.has(option)) {
      ctx.reporter.report('import/unsupported-value', at(ctx, keyPath, line), `volume option ${option} has no equivalent: it is left out.`);
    }
  }
  if (isHostPath(source)) {
    if (source.startsWith('~')) {
      const why = `${source} depends on the home folder of whoever deploys: it is imported as the absolute path on this machine.`;
      ctx.reporter.report('import/unsupported-value', at(ctx, keyPath, line), why, 'Bind a path relative to the project instead.');
    }
    return volumes.bind({ kind: 'bind', source: hostPath(ctx, source), target, readOnly }, keyPath, line);
  }
  return namedMount(volumes, source, target, readOnly, keyPath, line);
}

function longMount(ctx: ImportContext, map: LocatedMap, keyPath: string, volumes: VolumeResolver): MountPlan | undefined {
  reportUnhandled(ctx, map, keyPath, new Set(['type', 'source', 'target', 'read_only', 'bind', 'volume', 'tmpfs', 'consistency']));
  const typeEntry = entry(map, 'type');
  const type = typeEntry ? asString(ctx, typeEntry.value, `${keyPath}.type`) : 'volume';
  const targetEntry = entry(map, 'target');
  if (!targetEntry) fail(ctx, keyPath, map.line, 'a volume in the long syntax needs a target');
  const target = asString(ctx, targetEntry.value, `${keyPath}.target`);
  const ro = entry(map, 'read_only');
  const readOnly = ro ? asBoolean(ctx, ro.value, `${keyPath}.read_only`) : false;
  const sourceEntry = entry(map, 'source');
  const source = sourceEntry ? asString(ctx, sourceEntry.value, `${keyPath}.source`) : undefined;
  const options = (key: string, known: string[]): LocatedMap | undefined => {
    const e = entry(map, key);
    if (!e) return undefined;
    const sub = asMap(ctx, e.value, `${keyPath}.${key}`);
    for (const [k, v] of sub.entries) {
      if (!known.includes(k)) ctx.reporter.report('import/unsupported-key', at(ctx, `${keyPath}.${key}.${k}`, v.line), `${key} option ${k} has no equivalent: it is left out.`);
    }
    return sub;
  };
  switch (type) {
    case 'volume':
      options('volume', []);
      if (source === undefined) return { kind: 'ephemeral', target, tmpfs: false, readOnly };
      return namedMount(volumes, source, target, readOnly, keyPath, map.line);
    case 'bind': {
      options('bind', ['create_host_path']);
      if (source === undefined) fail(ctx, keyPath, map.line, 'a bind mount needs a source');
      return volumes.bind({ kind: 'bind', source: hostPath(ctx, source), target, readOnly }, keyPath, map.line);
    }
    case 'tmpfs': {
      const t = options('tmpfs', ['size', 'mode']);
      const size = t ? entry(t, 'size') : undefined;
      const sizeLimit = size ? sizeText(ctx, size.value, `${keyPath}.tmpfs.size`) : undefined;
      const ownership: TmpfsOwnershipPlan = {};
      tmpfsLongMode(ctx, t ? entry(t, 'mode')?.value : undefined, `${keyPath}.tmpfs.mode`, ownership);
      return { kind: 'ephemeral', target, tmpfs: true, ...(sizeLimit ? { sizeLimit } : {}), readOnly, ...ownership };
    }
    default:
      ctx.reporter.report('import/unsupported-value', at(ctx, `${keyPath}.type`, typeEntry?.line ?? map.line), `a ${type} mount has no equivalent: it is left out.`);
      return undefined;
  }
}

function sizeText(ctx: ImportContext, node: Located, keyPath: string): string {
  const text = asString(ctx, node, keyPath);
  return /^\d+$/.test(text) ? bytesText(Number(text)) : text;
}

/** `--tmpfs` syntax: `/run` or `/run:size=64m,mode=1777`. */
function tmpfsMount(ctx: ImportContext, text: string, keyPath: string, line: number): MountPlan {
  const [target, opts = ''] = text.split(/:(.*)/s);
  let sizeLimit: string | undefined;
  let readOnly = false;
  const ownership: TmpfsOwnershipPlan = {};
  for (const option of opts.split(',').filter((o) => o !== '')) {
    const [k, v] = option.split('=');
    if (k === 'size' && v) sizeLimit = /^\d+$/.test(v) ? bytesText(Number(v)) : v;
    else if (k === 'ro') readOnly = true;
    else if (v !== undefined && tmpfsOwnership(ctx, k, v, keyPath, line, ownership)) continue;
    else if (k !== 'rw') ctx.reporter.report('import/unsupported-value', at(ctx, keyPath, line), `tmpfs option ${option} has no equivalent: it is left out.`);
  }
  return { kind: 'ephemeral', target, tmpfs: true, ...(sizeLimit ? { sizeLimit } : {}), readOnly, ...ownership };
}
