import * as fs from 'fs';
import * as path from 'path';
import type { ImportContext } from './context';
import type { NameTable } from './names';
import type { ConfigFilePlan, ContainerPlan, MountPlan, WorkloadPlan } from './plan';

/** A bound folder becomes config files when it holds at most this many files... */
const MAX_FOLDER_FILES = 100;
/** ...and at most this many bytes, what a Kubernetes ConfigMap holds. */
const MAX_FOLDER_BYTES = 1024 * 1024;

/** What a project path is on disk: a file, a small folder, or something else (missing, large, outside). */
function shapeOf(abs: string): 'file' | 'small-folder' | 'other' {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    return 'other';
  }
  if (stat.isFile()) return 'file';
  if (!stat.isDirectory()) return 'other';
  let files = 0;
  let bytes = 0;
  const walk = (dir: string): boolean => {
    for (const name of fs.readdirSync(dir)) {
      const s = fs.statSync(path.join(dir, name));
      if (s.isDirectory()) {
        if (!walk(path.join(dir, name))) return false;
      } else if (s.isFile()) {
        files += 1;
        bytes += s.size;
        if (files > MAX_FOLDER_FILES || bytes > MAX_FOLDER_BYTES) return false;
      }
    }
    return true;
  };
  return walk(abs) && files > 0 ? 'small-folder' : 'other';
}

/**
 * Turns relative bind mounts of project files into config files, as kompose turns them into ConfigMaps: a bound
 * file, or a small folder bound read-only (one the container does not write to). Every other bind stays a bind,
 * with today's diagnostics. One config file per project path, however many services bind it.
 */
export function bindsToConfigFiles(
  ctx: ImportContext,
  workloads: readonly WorkloadPlan[],
  names: NameTable,
): { workloads: WorkloadPlan[]; configFiles: ConfigFilePlan[] } {
  const byPath = new Map<string, ConfigFilePlan>();
  const convert = (m: MountPlan): MountPlan => {
    if (m.kind !== 'bind' || !m.source.startsWith('./')) return m;
    const file = m.source.slice(2).replace(/\/+$/, '');
    const shape = shapeOf(path.resolve(ctx.projectRoot, file));
    if (shape === 'other' || (shape === 'small-folder' && !m.readOnly)) return m;
    let plan = byPath.get(file);
    if (!plan) {
      const base = path.posix.basename(file).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '');
      plan = { id: names.reserve('config', base || 'config'), file };
      byPath.set(file, plan);
    }
    return { kind: 'config', configFile: plan.id, target: m.target, readOnly: true };
  };
  const container = (c: ContainerPlan): ContainerPlan => ({ ...c, mounts: c.mounts.map(convert) });
  const out = workloads.map((w) => ({ ...w, container: container(w.container), sidecars: w.sidecars.map((s) => ({ ...s, container: container(s.container) })) }));
  return { workloads: out, configFiles: [...byPath.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}
