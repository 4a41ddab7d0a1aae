import { asMap, asString, at, entry, type ImportContext } from './context';
import type { LocatedMap } from './located';
import { hostPath } from './paths';

export interface VolumeDriver {
  /** The keys read: `driver`, `driver_opts`. */
  readonly read: readonly string[];
  /** The host path of a local volume that binds it (`type: none`, `o: bind`, `device: /path`). */
  readonly bind?: string;
}

/**
 * The `driver` and `driver_opts` of a top-level volume. The local driver without options is what every target
 * does (a volume of its own); a local volume that binds a host path is that bind mount; any other driver or
 * options keep the data elsewhere (an NFS export, a CIFS share, a device, a plugin's store) or in memory, which
 * no target's volume does: each is reported with what the running system does differently and the fix.
 */
export function volumeDriverOf(ctx: ImportContext, map: LocatedMap, keyPath: string, name: string): VolumeDriver {
  const d = entry(map, 'driver');
  const o = entry(map, 'driver_opts');
  const read = [...(d ? ['driver'] : []), ...(o ? ['driver_opts'] : [])];
  const driver = d ? asString(ctx, d.value, `${keyPath}.driver`) : 'local';
  if (driver !== 'local') {
    ctx.reporter.report(
      'import/volume-driver',
      at(ctx, `${keyPath}.driver`, d!.line),
      `driver ${driver}: the data of ${name} lives where the plugin ${driver} keeps it in Compose; every target creates an empty volume of its own instead (a local volume, a PersistentVolumeClaim, EFS), which does not hold that data.`,
      `Copy the data into the new volume after the first deploy, or set driver: ${driver} on the volume in the rendered Compose or stack file.`,
    );
    return { read };
  }
  if (!o) return { read };
  const p = `${keyPath}.driver_opts`;
  const opts: Record<string, string> = {};
  for (const [key, e] of asMap(ctx, o.value, p).entries) opts[key] = e.value.kind === 'scalar' && e.value.value === null ? '' : asString(ctx, e.value, `${p}.${key}`);
  const type = opts.type ?? '';
  const device = opts.device ?? '';
  const options = (opts.o ?? '').split(',').map((x) => x.trim());
  const where = at(ctx, p, o.line);
  if (options.includes('bind') && device !== '') {
    const bind = hostPath(ctx, device);
    ctx.reporter.report(
      'import/bind-volume',
      where,
      `${name} binds the host path ${device} (type ${type || 'none'}, o bind): each service that mounts it binds ${bind} instead, the same files; unlike the named volume, an empty folder is not filled with the image's files on first use.`,
    );
    return { read, bind };
  }
  if (type === 'tmpfs') {
    ctx.reporter.report(
      'import/volume-driver',
      where,
      `type tmpfs: ${name} is kept in memory in Compose and emptied when the host restarts; every target makes it a persistent volume on disk instead.`,
      'Mount a tmpfs in each service that uses it instead: tmpfs: ["/path"].',
    );
    return { read };
  }
  const share = type.startsWith('nfs') ? `the NFS export ${nfsExport(options, device)}` : type === 'cifs' || type === 'smb' ? `the CIFS share ${device}` : `the device ${device || '(none)'} (type ${type || 'none'})`;
  ctx.reporter.report(
    'import/volume-driver',
    where,
    `${name} mounts ${share} in Compose; every target creates an empty volume of its own instead (a local volume, a PersistentVolumeClaim, EFS), so the services do not see the files there, and what they write does not reach it.`,
    type.startsWith('nfs')
      ? `Mount the export on the hosts and bind that folder (Mount.bind), or on Kubernetes bind a PersistentVolume of type nfs to the claim of ${name}.`
      : 'Mount it on the hosts and bind that folder (Mount.bind).',
  );
  return { read };
}

/** `addr=10.0.0.5` of an NFS mount's options and its device `:/exports/data`, as `10.0.0.5:/exports/data`. */
function nfsExport(options: readonly string[], device: string): string {
  const addr = options.find((x) => x.startsWith('addr='))?.slice('addr='.length) ?? '';
  const path = device.startsWith(':') ? device.slice(1) : device;
  return addr === '' ? device : `${addr}:${path}`;
}
