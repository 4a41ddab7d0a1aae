import * as fs from 'fs';
import * as path from 'path';
import { at, type ImportContext } from './context';
import type { NameTable } from './names';
import type { MountPlan, VolumePlan } from './plan';

type BindPlan = Extract<MountPlan, { kind: 'bind' }>;

/** Files that only keep an empty folder in version control: a folder holding nothing else holds no data. */
const PLACEHOLDERS = new Set(['.gitkeep', '.keep', '.gitignore']);

/** Mount points that are the host's own devices and sockets, never a data folder. */
export const HOST_THINGS = /(^\/(dev|proc|sys)(\/|$))|\.sock$/;

/** A folder name that reads as a file name (`nginx.log`, `acme.json`): Docker would create a folder there. */
const FILE_LIKE = /[^./]\.[A-Za-z0-9]{1,8}$/;

/**
 * Why a bind of the project is a data folder that the container fills: the folder is absent (Docker creates it at
 * the first start), or empty. Undefined for any other bind: read-only, absolute, a file, a socket or device, a
 * folder with content (code or seed data), or an absent path that names a file.
 */
function dataFolderReason(ctx: ImportContext, bind: BindPlan): string | undefined {
  const source = bind.source;
  if (bind.readOnly || !/^\.\.?\/./.test(source) || HOST_THINGS.test(bind.target)) return undefined;
  const abs = path.resolve(ctx.projectRoot, source);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    return FILE_LIKE.test(source.replace(/\/+$/, '')) ? undefined : 'absent from the project (Docker creates it at the first start)';
  }
  if (!stat.isDirectory()) return undefined;
  const entries = fs.readdirSync(abs);
  if (entries.length === 0) return 'an empty folder';
  const placeholders = entries.every((e) => PLACEHOLDERS.has(e) && fs.statSync(path.join(abs, e)).isFile());
  return placeholders ? `a folder that holds only ${entries.sort().join(', ')}` : undefined;
}

/**
 * Relative binds of data folders, as persistent volumes that live in that folder on a single host
 * (`Volume({ hostPath })`): the container writes its data there, and nothing in the folder needs to reach a cluster.
 * One volume per folder, named after it, shared by every service that binds it. Every other bind stays a bind, and
 * so does one whose files the service's built image carries (`inImage`: code the build COPYs, absent or not).
 */
export class DataFolders {
  private readonly byFolder = new Map<string, string>();
  /** Where each bind was written, for the diagnostic of the one that becomes a volume. */
  private readonly written = new WeakMap<MountPlan, { readonly keyPath: string; readonly line: number }>();

  constructor(private readonly ctx: ImportContext, private readonly names: NameTable) {}

  /** Notes where a bind of the file was written; `settle` decides what it becomes. */
  note(bind: BindPlan, keyPath: string, line: number): MountPlan {
    this.written.set(bind, { keyPath, line });
    return bind;
  }

  /** Where a bind was written, for the diagnostics of what it becomes. */
  writtenAt(bind: MountPlan): { readonly keyPath: string; readonly line: number } | undefined {
    return this.written.get(bind);
  }

  /** A service's mounts, each bind of a data folder that its image does not carry as a volume with a host path. */
  settle(mounts: readonly MountPlan[]): MountPlan[] {
    return mounts.map((m) => {
      const where = this.written.get(m);
      return m.kind === 'bind' && !m.inImage && where ? this.mountOf(m, where.keyPath, where.line) : m;
    });
  }

  private mountOf(bind: BindPlan, keyPath: string, line: number): MountPlan {
    const why = dataFolderReason(this.ctx, bind);
    if (why === undefined) return bind;
    let id = this.byFolder.get(bind.source);
    if (id === undefined) {
      id = this.names.reserve('volume', path.posix.basename(bind.source.replace(/\/+$/, '')));
      this.byFolder.set(bind.source, id);
    }
    this.ctx.reporter.report(
      'import/data-folder',
      at(this.ctx, keyPath, line),
      `${bind.source} is ${why}, and ${bind.target} is written to: it is imported as volume ${id} with hostPath ${bind.source}. Compose and docker bind the folder as the file does; Kubernetes, ECS and Swarm keep the data in a volume of their own.`,
    );
    return { kind: 'volume', volume: id, target: bind.target, readOnly: false };
  }

  /**
   * A service's read-only binds of a data folder that a writable bind made a volume, as read-only mounts of that
   * volume: on every target the reader sees the data the writer keeps, where a bind would show a cluster node's
   * empty folder. Runs once every service is settled, so the writer may come after the reader in the file.
   */
  shareReadOnly(mounts: readonly MountPlan[]): MountPlan[] {
    return mounts.map((m) => {
      const where = this.written.get(m);
      const id = m.kind === 'bind' && m.readOnly && !m.inImage && where ? this.byFolder.get(m.source) : undefined;
      if (m.kind !== 'bind' || id === undefined || !where) return m;
      this.ctx.reporter.report(
        'import/data-folder',
        at(this.ctx, where.keyPath, where.line),
        `${m.source} is the folder of volume ${id}, which another bind writes to: ${m.target} mounts volume ${id} read-only, so it sees the same data on every target.`,
      );
      return { kind: 'volume', volume: id, target: m.target, readOnly: true };
    });
  }

  /** The plan of each data folder's volume. */
  plans(): VolumePlan[] {
    return [...this.byFolder].map(([hostPath, id]) => ({ id, hostPath }));
  }
}
