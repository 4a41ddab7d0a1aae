import * as fs from 'fs';
import * as path from 'path';
import { at, type ImportContext } from './context';
import { HOST_THINGS } from './data-folders';
import type { NameTable } from './names';
import type { ConfigFilePlan, ContainerPlan, MountPlan, SourceRef, WorkloadPlan } from './plan';

type BindPlan = Extract<MountPlan, { kind: 'bind' }>;

/** A bound folder becomes config files when it holds at most this many files... */
const MAX_FOLDER_FILES = 100;
/** ...and a bound file or folder when it holds at most this many bytes, what a Kubernetes ConfigMap holds. */
const MAX_BYTES = 1024 * 1024;

/**
 * Names of the files a running program writes, never configuration: databases (`app.db`, `data.sqlite3`), the
 * state a program keeps (`acme.json`, Traefik's certificates), pid and lock files. A writable bind of one, or of
 * a folder that holds one, stays a bind.
 */
const WRITTEN_NAMES = /(\.(db|db-\w+|sqlite\w*|sqlite-\w+|pid|lock)|^acme\.json)$/i;

/**
 * Where a program keeps the data it changes, by the Filesystem Hierarchy Standard: a writable bind there holds
 * state (`./data/mysql:/var/lib/mysql`), whatever it holds today, and stays a bind.
 */
const VARIABLE_DATA = /^\/(var\/(lib|log|cache|spool|run)|run)(\/|$)/;

/** What a project path is on disk: a file, a small folder, or something else (missing, too large, not a file). */
interface Shape {
  readonly kind: 'file' | 'small-folder' | 'other';
  /** True when the file, or a file of the folder, is named as a program's own data (WRITTEN_NAMES). */
  readonly written: boolean;
}

/** The shape of a project path: a file of at most 1 MiB, or a folder of 1 to 100 files of at most 1 MiB in all. */
function shapeOf(abs: string): Shape {
  const other: Shape = { kind: 'other', written: false };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    return other;
  }
  if (stat.isFile()) return stat.size <= MAX_BYTES ? { kind: 'file', written: WRITTEN_NAMES.test(path.basename(abs)) } : other;
  if (!stat.isDirectory()) return other;
  let files = 0;
  let bytes = 0;
  let written = false;
  const walk = (dir: string): boolean => {
    for (const name of fs.readdirSync(dir)) {
      const s = fs.statSync(path.join(dir, name));
      if (s.isDirectory()) {
        if (!walk(path.join(dir, name))) return false;
      } else if (s.isFile()) {
        files += 1;
        bytes += s.size;
        written ||= WRITTEN_NAMES.test(name);
        if (files > MAX_FOLDER_FILES || bytes > MAX_BYTES) return false;
      }
    }
    return true;
  };
  return walk(abs) && files > 0 ? { kind: 'small-folder', written } : other;
}

/**
 * Whether the container of a writable bind evidently writes there, so it stays a bind: a socket or device, a file
 * named as a program's data (WRITTEN_NAMES), a target where programs keep variable data (VARIABLE_DATA), or a path
 * another service binds writable too (state they share). A bind into an image the project builds stays one as
 * well: either the build carries its files (`inImage`), or it is the source tree the container works on.
 */
function writtenThere(bind: BindPlan, image: ContainerPlan['image'], shape: Shape, writers: number): boolean {
  return image.kind === 'build' || shape.written || HOST_THINGS.test(bind.target) || VARIABLE_DATA.test(bind.target) || writers > 1;
}

/** Where a bind was written in the file, when known. */
export type BindLocator = (bind: MountPlan) => SourceRef | undefined;

/**
 * Turns relative binds of project files into config files, as kompose turns them into ConfigMaps: a file, or a
 * folder of at most 100 files, holding at most 1 MiB. A read-only bind becomes one as it is. A writable bind into
 * a registry image becomes one too, read-only in the container (an `import/config-read-only` info says so), unless
 * the container evidently writes there (`writtenThere`). Data folders are volumes by then. One config file per
 * project path, however many services bind it.
 */
export function bindsToConfigFiles(
  ctx: ImportContext,
  workloads: readonly WorkloadPlan[],
  names: NameTable,
  locate: BindLocator,
): { workloads: WorkloadPlan[]; configFiles: ConfigFilePlan[] } {
  const projectFile = (m: BindPlan): string => m.source.slice(2).replace(/\/+$/, '');
  const writers = new Map<string, number>();
  for (const c of workloads.flatMap((w) => [w.container, ...w.sidecars.map((s) => s.container)])) {
    const files = new Set(c.mounts.filter((m): m is BindPlan => m.kind === 'bind' && !m.readOnly && m.source.startsWith('./')).map(projectFile));
    for (const file of files) writers.set(file, (writers.get(file) ?? 0) + 1);
  }
  const byPath = new Map<string, ConfigFilePlan>();
  const convert = (m: MountPlan, c: ContainerPlan, owner: SourceRef): MountPlan => {
    if (m.kind !== 'bind' || !m.source.startsWith('./')) return m;
    const file = projectFile(m);
    const shape = shapeOf(path.resolve(ctx.projectRoot, file));
    if (shape.kind === 'other') return m;
    if (!m.readOnly && writtenThere(m, c.image, shape, writers.get(file) ?? 0)) return m;
    let plan = byPath.get(file);
    if (!plan) {
      const base = path.posix.basename(file).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '');
      plan = { id: names.reserve('config', base || 'config'), file };
      byPath.set(file, plan);
    }
    if (!m.readOnly) {
      const where = locate(m) ?? owner;
      ctx.reporter.report(
        'import/config-read-only',
        at(ctx, where.keyPath, where.line),
        `${m.source} is bound writable; it is imported as config file ${plan.id}, read-only in the container on every target: a container that writes to ${m.target} fails with a read-only file system.`,
        `If it must write there, make ${m.target} a volume and copy the ${shape.kind === 'file' ? 'file' : 'files'} in at the start; else add :ro to the bind.`,
      );
    }
    return { kind: 'config', configFile: plan.id, target: m.target, readOnly: true };
  };
  const container = (c: ContainerPlan, owner: SourceRef): ContainerPlan => ({ ...c, mounts: c.mounts.map((m) => convert(m, c, owner)) });
  const out = workloads.map((w) => ({ ...w, container: container(w.container, w.source), sidecars: w.sidecars.map((s) => ({ ...s, container: container(s.container, s.source) })) }));
  return { workloads: out, configFiles: [...byPath.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}
