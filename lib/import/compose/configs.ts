import { asMap, asSeq, asString, at, entry, reportUnhandled, type ImportContext } from './context';
import type { LocatedMap } from './located';
import type { NameTable } from './names';
import { composeMode } from './secret-files';
import { hostPath } from './paths';
import type { ConfigFilePlan, ContainerPlan, MountPlan, WorkloadPlan } from './plan';

/**
 * The top-level `configs`: a project file (`file`) or inline text (`content`) becomes a config file; an
 * external config, which lives only in a swarm, is left out with a diagnostic. Keyed by the Compose name.
 */
export function declareConfigs(ctx: ImportContext, top: LocatedMap | undefined, names: NameTable): Map<string, ConfigFilePlan> {
  const out = new Map<string, ConfigFilePlan>();
  if (!top) return out;
  for (const [name, e] of top.entries) {
    const p = `configs.${name}`;
    const map = asMap(ctx, e.value, p);
    reportUnhandled(ctx, map, p, new Set(['file', 'content']), { external: 'Put the configuration in a project file and declare it with file:.' });
    const file = entry(map, 'file');
    const content = entry(map, 'content');
    if (file) {
      const written = hostPath(ctx, asString(ctx, file.value, `${p}.file`));
      const rel = written.replace(/^\.\//, '');
      if (written.startsWith('/') || written.startsWith('../')) {
        ctx.reporter.report('import/unsupported-value', at(ctx, `${p}.file`, file.line), `config ${name} reads ${written}, outside the project: it is left out.`, 'Move the file into the project.');
        continue;
      }
      out.set(name, { id: names.claim('config', name, p, e.line), file: rel });
    } else if (content) {
      out.set(name, { id: names.claim('config', name, p, e.line), content: asString(ctx, content.value, `${p}.content`) });
    }
  }
  return out;
}

/**
 * A service's `configs` as config file mounts: the short syntax at `/<name>`, as Compose puts it; the long one at
 * its `target` with its `mode`. A `uid` or `gid` has no equivalent and is reported.
 */
function serviceConfigs(ctx: ImportContext, service: LocatedMap, keyPath: string, declared: ReadonlyMap<string, ConfigFilePlan>): MountPlan[] {
  const e = entry(service, 'configs');
  if (!e) return [];
  const p = `${keyPath}.configs`;
  const mounts: MountPlan[] = [];
  asSeq(ctx, e.value, p).items.forEach((item, i) => {
    const ip = `${p}[${i}]`;
    let source: string;
    let target: string | undefined;
    let mode: number | undefined;
    if (item.kind === 'map') {
      reportUnhandled(ctx, item, ip, new Set(['source', 'target', 'mode']), { uid: 'The model sets no owner: make the file readable with mode.', gid: 'The model sets no owner: make the file readable with mode.' });
      const s = entry(item, 'source');
      source = s ? asString(ctx, s.value, `${ip}.source`) : '';
      const t = entry(item, 'target');
      target = t ? asString(ctx, t.value, `${ip}.target`) : undefined;
      const m = entry(item, 'mode');
      if (m) {
        const text = asString(ctx, m.value, `${ip}.mode`);
        mode = composeMode(text);
        if (mode === undefined) ctx.reporter.report('import/unsupported-value', at(ctx, `${ip}.mode`, m.line), `mode ${text} is not permission bits: it is left out.`, 'Write e.g. 0440.');
      }
    } else source = asString(ctx, item, ip);
    const config = declared.get(source);
    if (!config) {
      ctx.reporter.report('import/unsupported-value', at(ctx, ip, item.line), `config ${source} is not declared with a file or content under the top-level configs: it is left out.`);
      return;
    }
    const path = target === undefined ? `/${source}` : target.startsWith('/') ? target : `/${target}`;
    mounts.push({ kind: 'config', configFile: config.id, target: path, readOnly: true, ...(mode !== undefined ? { mode } : {}) });
  });
  return mounts;
}

/** Adds each service's `configs` to its container's mounts (a sidecar's to the sidecar's). */
export function withServiceConfigs(ctx: ImportContext, workloads: readonly WorkloadPlan[], services: ReadonlyMap<string, LocatedMap>, declared: ReadonlyMap<string, ConfigFilePlan>): WorkloadPlan[] {
  const add = (c: ContainerPlan, keyPath: string): ContainerPlan => {
    const map = services.get(keyPath);
    const extra = map ? serviceConfigs(ctx, map, keyPath, declared) : [];
    return extra.length > 0 ? { ...c, mounts: [...c.mounts, ...extra] } : c;
  };
  return workloads.map((w) => ({
    ...w,
    container: add(w.container, w.source.keyPath),
    sidecars: w.sidecars.map((s) => ({ ...s, container: add(s.container, s.source.keyPath) })),
  }));
}
