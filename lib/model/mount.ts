import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { parseSize } from './quantities';
import { MAX_USER_ID } from './security';
import type { MountSpec } from './spec';
import { Volume } from './volume';
import type { ConfigFile } from './config-file';
import type { FileMountSpec } from './config-file-spec';
import { fileMountSpec, type FileMountDef, type FileMountOptions } from './file-mount';
import type { Secret } from './secret';

export interface MountOptions {
  /**
   * Mount read-only (`:ro`).
   * @default false
   */
  readonly readOnly?: boolean;
}

export interface BindMountOptions extends MountOptions {
  /**
   * The image of the container, built in the project, already carries these files at `target` (its Dockerfile
   * COPYs them there): a development bind for live editing. Kubernetes, ECS and Swarm, which cannot bind a
   * project folder, leave the mount out with a note; Compose and docker bind it.
   * @default false
   */
  readonly inImage?: boolean;
}

export interface EphemeralMountOptions extends MountOptions {
  /**
   * Back the volume by memory (`--tmpfs`; Kubernetes `emptyDir.medium: Memory`).
   * @default false
   */
  readonly tmpfs?: boolean;
  /**
   * Size limit in Docker's notation (`64m`).
   * @default - no limit
   */
  readonly sizeLimit?: string;
  /**
   * A name for the volume, unique within the workload; sidecars with volumesFrom share it.
   * @default - derived from the target path: `/var/cache/app` -> `var-cache-app`
   */
  readonly name?: string;
  /**
   * With `tmpfs: true`: permission bits of the mount point (`--tmpfs /run:mode=1777`), written in octal: `0o1777`.
   * @default - the runtime's (Docker: 0o1777)
   */
  readonly mode?: number;
  /**
   * With `tmpfs: true`: the uid that owns the mount point (`uid=10001`), so a non-root user can write to it.
   * @default - root
   */
  readonly uid?: number;
  /**
   * With `tmpfs: true`: the gid that owns the mount point (`gid=10001`).
   * @default - root
   */
  readonly gid?: number;
}

/** `mode`, `uid` and `gid` of a tmpfs mount, checked. */
function tmpfsOwnership(path: string, prop: string, o: EphemeralMountOptions, tmpfs: boolean): { mode?: number; uid?: number; gid?: number } {
  const out: { mode?: number; uid?: number; gid?: number } = {};
  for (const key of ['mode', 'uid', 'gid'] as const) {
    const v = o[key];
    if (v === undefined) continue;
    if (!tmpfs) {
      throw new ModelError(path, `${prop}.${key}`, `${key} applies to tmpfs mounts only`, v, 'Add tmpfs: true, or leave it out');
    }
    const max = key === 'mode' ? 0o7777 : MAX_USER_ID;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) {
      const fix = key === 'mode' ? 'Write the permission bits in octal, e.g. 0o1777 or 0o700' : 'Write a numeric id, e.g. 10001';
      throw new ModelError(path, `${prop}.${key}`, `must be a whole number from 0 to ${key === 'mode' ? '0o7777' : MAX_USER_ID}`, v, fix);
    }
    out[key] = v;
  }
  return out;
}

/** An absolute path inside the container, not `/`, without a trailing `/`. */
function checkTarget(path: string, prop: string, target: unknown): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.includes(':') || target.replace(/\/+$/, '') === '') {
    throw new ModelError(path, `${prop}.target`, 'mount target must be an absolute path inside the container, not /', target, "Write e.g. '/var/lib/data'");
  }
  return target.replace(/\/+$/, '');
}

type MountDef =
  | { kind: 'volume'; volume: Volume; target: string; options: MountOptions }
  | { kind: 'ephemeral'; target: string; options: EphemeralMountOptions }
  | { kind: 'bind'; source: string; target: string; options: BindMountOptions }
  | FileMountDef;

/** Storage mounted into a container. */
const MOUNT_OPTIONS = propNames<MountOptions>({ readOnly: true });
const BIND_MOUNT_OPTIONS = propNames<BindMountOptions>({ readOnly: true, inImage: true });
const EPHEMERAL_MOUNT_OPTIONS = propNames<EphemeralMountOptions>({ readOnly: true, tmpfs: true, sizeLimit: true, name: true, mode: true, uid: true, gid: true });

export class Mount {
  /** A named persistent volume (`-v pgdata:/var/lib/postgresql/data`). */
  static volume(volume: Volume, target: string, options: MountOptions = {}): Mount {
    return new Mount({ kind: 'volume', volume, target, options });
  }

  /** A volume that lives as long as the workload (an anonymous volume, `--tmpfs` with `tmpfs: true`). */
  static ephemeral(target: string, options: EphemeralMountOptions = {}): Mount {
    return new Mount({ kind: 'ephemeral', target, options });
  }

  /**
   * A folder of the host (`-v ./src:/app`): absolute, or relative to the project root (`./src`). Kubernetes
   * renders it as hostPath with a warning; ECS needs the EC2 launch type.
   */
  static bind(source: string, target: string, options: BindMountOptions = {}): Mount {
    return new Mount({ kind: 'bind', source, target, options });
  }

  /**
   * A config file, or folder of config files, at `target` (`configs:` in Compose), read-only. For a folder, each
   * file lands under `target` and the rest of that folder stays the image's.
   */
  static config(configFile: ConfigFile, target: string, options: FileMountOptions = {}): Mount {
    return new Mount({ kind: 'config', configFile, target, options });
  }

  /** A secret as a file at `target` (`/run/secrets/db-password`), read-only. A secret may also be used as env. */
  static secret(secret: Secret, target: string, options: FileMountOptions = {}): Mount {
    return new Mount({ kind: 'secret', secret, target, options });
  }

  private constructor(private readonly def: MountDef) {}

  /** @internal True for config and secret files, which the container spec keeps in `files`. */
  public get _isFile(): boolean {
    return this.def.kind === 'config' || this.def.kind === 'secret';
  }

  /** @internal The config file or secret of a file mount, for whole-tree checks. */
  public get _fileSource(): ConfigFile | Secret | undefined {
    return this.def.kind === 'config' ? this.def.configFile : this.def.kind === 'secret' ? this.def.secret : undefined;
  }

  /** @internal */
  public _toFileSpec(path: string, prop: string, index: number): FileMountSpec {
    const d = this.def;
    if (d.kind !== 'config' && d.kind !== 'secret') throw new Error(`${path} ${prop}: not a file mount`);
    return fileMountSpec(path, prop, index, d, checkTarget(path, prop, d.target));
  }

  /** @internal The volume construct, for whole-tree checks. */
  public get _volume(): Volume | undefined {
    return this.def.kind === 'volume' ? this.def.volume : undefined;
  }

  /** @internal */
  public _toSpec(path: string, prop: string): MountSpec {
    const d = this.def;
    if (d.kind === 'config' || d.kind === 'secret') throw new Error(`${path} ${prop}: a file mount has no volume spec`);
    const target = checkTarget(path, prop, d.target);
    checkKnownProps(path, prop, d.options, d.kind === 'ephemeral' ? EPHEMERAL_MOUNT_OPTIONS : d.kind === 'bind' ? BIND_MOUNT_OPTIONS : MOUNT_OPTIONS);
    const readOnly = d.options.readOnly ?? false;
    switch (d.kind) {
      case 'volume':
        if (!Volume.isVolume(d.volume)) {
          throw new ModelError(path, `${prop}.volume`, 'must be a Volume', d.volume, 'Create it with new Volume(system, name)');
        }
        return { kind: 'volume', volume: d.volume.name, target, readOnly };
      case 'ephemeral': {
        const name = d.options.name ?? (target.replace(/^\/+/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase().replace(/^-+|-+$/g, '') || 'scratch');
        if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63) {
          throw new ModelError(path, `${prop}.name`, 'ephemeral volume name must be at most 63 lowercase letters, digits and -', name, "Write e.g. 'cache'");
        }
        const tmpfs = d.options.tmpfs ?? false;
        return {
          kind: 'ephemeral',
          name,
          target,
          tmpfs,
          ...(d.options.sizeLimit !== undefined ? { sizeLimitBytes: parseSize(path, `${prop}.sizeLimit`, d.options.sizeLimit) } : {}),
          readOnly,
          ...tmpfsOwnership(path, prop, d.options, tmpfs),
        };
      }
      case 'bind': {
        const s = d.source;
        if (typeof s !== 'string' || !(s.startsWith('/') || s.startsWith('./') || s.startsWith('../') || s === '.') || s.includes(':')) {
          throw new ModelError(path, `${prop}.source`, "bind source must be an absolute path or start with './' or '../'", s, "Write e.g. './src' or '/var/log'");
        }
        const inImage = d.options.inImage ?? false;
        if (typeof inImage !== 'boolean') throw new ModelError(path, `${prop}.inImage`, 'must be true or false', inImage, 'Write inImage: true, or leave it out');
        return { kind: 'bind', source: s, target, readOnly, inImage };
      }
    }
  }
}
