import { asSeq, asString, at, entry, type ImportContext } from './context';
import type { MountPlan } from './plan';
import type { ConvertedService } from './workload';

/**
 * `volumes_from: [X]` of a service that does not join X's network: Docker mounts every volume of X at the same
 * paths (never a tmpfs), so the service gets X's named volumes, binds and config files as mounts of its own (`:ro` makes them
 * read-only, `:rw` writable; without a mode each keeps X's). Its own mount of a path wins, as with Docker. An
 * anonymous volume of X cannot be shared by two workloads of the model: it is left out, with a diagnostic. A
 * sidecar's `volumes_from` of the service it joins is the model's volumesFrom and is not handled here.
 */
export function shareVolumesFrom(ctx: ImportContext, services: readonly ConvertedService[], skipped: ReadonlySet<string>): ConvertedService[] {
  const byName = new Map(services.map((s) => [s.input.composeName, s]));
  const done = new Map<string, ConvertedService>();
  const visiting = new Set<string>();

  const resolve = (s: ConvertedService): ConvertedService => {
    const name = s.input.composeName;
    const known = done.get(name);
    if (known) return known;
    if (visiting.has(name)) return s;
    visiting.add(name);
    const e = entry(s.input.map, 'volumes_from');
    let mounts = [...s.container.mounts];
    const p = `${s.input.keyPath}.volumes_from`;
    if (e) {
      asSeq(ctx, e.value, p).items.forEach((node, i) => {
        const ip = `${p}[${i}]`;
        const text = asString(ctx, node, ip);
        if (text.startsWith('container:')) {
          ctx.reporter.report(
            'import/unsupported-value',
            at(ctx, ip, node.line),
            `volumes_from ${text} names a container outside the file: its volumes are not shared.`,
            'Mount the volumes it has explicitly.',
          );
          return;
        }
        const [sourceName, mode] = text.split(':');
        if (sourceName === s.input.sidecarOf) return;
        const source = byName.get(sourceName);
        if (!source) {
          const why = skipped.has(sourceName) ? 'is left out by the chosen profiles' : 'is not a service of this file';
          ctx.reporter.report('import/unknown-reference', at(ctx, ip, node.line), `volumes_from ${sourceName} names a service that ${why}: no volumes are shared.`);
          return;
        }
        const shared = resolve(source).container.mounts;
        const taken = new Set(mounts.map((m) => m.target));
        const added: MountPlan[] = [];
        for (const m of shared) {
          // Docker shares volumes and binds, never a tmpfs.
          if (taken.has(m.target) || (m.kind === 'ephemeral' && m.tmpfs)) continue;
          if (m.kind === 'ephemeral') {
            ctx.reporter.report(
              'import/unsupported-value',
              at(ctx, ip, node.line),
              `volumes_from ${sourceName}: the anonymous volume at ${m.target} belongs to ${sourceName} alone in the model, so ${name} does not see it.`,
              `Name the volume (e.g. volumes: ["data:${m.target}"]) in both services to share it.`,
            );
            continue;
          }
          added.push(withMode(m, mode));
        }
        if (added.length === 0) return;
        mounts = [...mounts, ...added];
        ctx.reporter.report(
          'import/volumes-from',
          at(ctx, ip, node.line),
          `volumes_from ${sourceName}: ${name} mounts ${added.map(describe).join(', ')}, as ${sourceName} does.`,
        );
      });
    }
    const result = mounts.length === s.container.mounts.length ? s : { ...s, container: { ...s.container, mounts } };
    visiting.delete(name);
    done.set(name, result);
    return result;
  };

  return services.map(resolve);
}

function withMode(m: Exclude<MountPlan, { kind: 'ephemeral' }>, mode: string | undefined): MountPlan {
  if (m.kind === 'config' || m.kind === 'secret') return m;
  if (mode === 'ro') return { ...m, readOnly: true };
  if (mode === 'rw') return { ...m, readOnly: false };
  return m;
}

function describe(m: MountPlan): string {
  const what = m.kind === 'volume' ? `volume ${m.volume}` : m.kind === 'bind' ? `${m.source}` : m.kind === 'config' ? `config ${m.configFile}` : m.kind === 'secret' ? `secret ${m.secret}` : m.target;
  return `${what} at ${m.target}${m.readOnly ? ' (read-only)' : ''}`;
}
