import { NAME_PATTERN, suggestName } from '../../model/names';
import { resolveAliases, type RawAlias } from './aliases';
import { at, type ImportContext } from './context';
import type { NameTable } from './names';
import type { DependencyPlan, NetworkPlan, SidecarPlan, WorkloadPlan } from './plan';
import type { DeclaredNetwork } from './top-level';
import { serversOf, type ServerReason } from './servers';
import { reportSidecarRuntime } from './sidecar-runtime';
import type { ConvertedService } from './workload';

export interface WorkloadInputs {
  readonly declaredNetworks: ReadonlyMap<string, DeclaredNetwork>;
  /** Services left out by the chosen profiles. */
  readonly skipped: ReadonlySet<string>;
  readonly names: NameTable;
}

/**
 * Turns the services of the file into workloads: sidecars attached to the service whose network they join,
 * networks resolved (Compose's `default` is the model's implicit network where it can be), dependencies resolved,
 * and workloads ordered so that every dependency comes first.
 */
export function planWorkloads(ctx: ImportContext, services: readonly ConvertedService[], inputs: WorkloadInputs): { networks: NetworkPlan[]; workloads: WorkloadPlan[] } {
  const { names } = inputs;
  const mains = services.filter((s) => s.input.sidecarOf === undefined);
  const byName = new Map(services.map((s) => [s.input.composeName, s]));
  const idOf = (s: ConvertedService): string => names.lookup('service', s.input.composeName) as string;

  const rootOf = (s: ConvertedService): ConvertedService | undefined => {
    let current = s;
    for (let hops = 0; current.input.sidecarOf !== undefined && hops < 10; hops++) {
      const next = byName.get(current.input.sidecarOf);
      if (!next) return undefined;
      current = next;
    }
    return current.input.sidecarOf === undefined ? current : undefined;
  };

  const sidecars = new Map<string, SidecarPlan[]>();
  for (const s of services) {
    if (s.input.sidecarOf === undefined) continue;
    const { composeName, keyPath, map } = s.input;
    const mode = map.entries.get('network_mode');
    const modePath = `${keyPath}.network_mode`;
    const main = rootOf(s);
    if (!main) {
      const why = inputs.skipped.has(s.input.sidecarOf) ? 'is left out by the chosen profiles' : 'is not a service of this file';
      ctx.reporter.report(
        'import/unknown-reference',
        at(ctx, modePath, mode?.line ?? map.line),
        `network_mode service:${s.input.sidecarOf} names a service that ${why}.`,
      );
      continue;
    }
    if (main.input.composeName !== s.input.sidecarOf) {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, modePath, mode?.line ?? map.line),
        `${s.input.sidecarOf} is itself in the network of ${main.input.composeName}: ${composeName} becomes a sidecar of ${main.input.composeName}.`,
      );
    }
    const mainId = idOf(main);
    const prefix = `${main.input.composeName}-`;
    const wanted = composeName.startsWith(prefix) ? composeName.slice(prefix.length) : composeName;
    const id = NAME_PATTERN.test(wanted) ? wanted : suggestName(wanted);
    ctx.reporter.report(
      'import/sidecar',
      at(ctx, keyPath, map.line),
      `${composeName} shares the network of ${main.input.composeName}: it becomes sidecar ${id} of ${mainId}${`${mainId}-${id}` !== composeName ? `, which the Compose output names ${mainId}-${id}` : ''}.`,
    );
    const dropped = (what: string, line: number, path: string) =>
      ctx.reporter.report('import/sidecar-key', at(ctx, path, line), `a sidecar shares ${what} of ${main.input.composeName}: its own is left out.`);
    if (s.ports.length > 0) dropped('the ports', map.entries.get('ports')?.line ?? map.entries.get('expose')?.line ?? map.line, `${keyPath}.ports`);
    if (s.networks.length > 0) dropped('the networks', map.entries.get('networks')?.line ?? map.line, `${keyPath}.networks`);
    // a dependency on a container of the same pod (the main service, or another of its sidecars) starts with it
    const samePod = (name: string): boolean => {
      const d = byName.get(name);
      return d !== undefined && rootOf(d) === main;
    };
    if (s.dependsOn.some((d) => !samePod(d.composeName))) dropped('the dependencies', map.entries.get('depends_on')?.line ?? map.line, `${keyPath}.depends_on`);
    if (s.replicas !== main.replicas && s.deploy.replicas) dropped('the replicas', s.deploy.replicas.line, s.deploy.replicas.keyPath);
    if (s.deploy.placement) dropped('the placement', map.entries.get('deploy')?.line ?? map.line, `${keyPath}.deploy.placement`);
    if (s.restart !== main.restart && map.entries.has('restart')) dropped('the restart policy', map.entries.get('restart')?.line ?? map.line, `${keyPath}.restart`);
    if (s.runtime.serviceLabels) dropped('the service object (and its deploy.labels)', map.entries.get('deploy')?.line ?? map.line, `${keyPath}.deploy.labels`);
    reportSidecarRuntime(ctx, s, main);
    const list = sidecars.get(mainId) ?? [];
    list.push({ id, container: s.container, volumesFrom: s.volumesFromMain, source: { keyPath, line: map.line } });
    sidecars.set(mainId, list);
  }

  // networks
  const declared = inputs.declaredNetworks;
  const defaultDeclared = declared.get('default');
  const mixed = mains.find((m) => !m.hostNetwork && m.networks.some((n) => n.name === 'default') && m.networks.length > 1);
  let defaultId: string | undefined;
  if (defaultDeclared?.internal || mixed) {
    defaultId = names.reserve('network', 'default-net');
    const where = mixed ? mixed.networks.find((n) => n.name === 'default') : undefined;
    ctx.reporter.report(
      'import/renamed',
      at(ctx, where?.keyPath ?? 'networks.default', where?.line ?? defaultDeclared?.line ?? 0),
      `network "default" is named "${defaultId}" in the model, whose default network is only the one of workloads that name none${mixed ? `, and ${mixed.input.composeName} joins it beside other networks` : ''}.`,
    );
  }
  const networkIds = new Set<string>(defaultId ? [defaultId] : []);
  const workloads: WorkloadPlan[] = [];
  const servers = serversOf(mains);
  const rawAliases = aliasesByService(services, rootOf);
  const taken = new Map<string, string>();
  for (const m of mains) {
    taken.set(idOf(m), idOf(m));
    for (const sc of sidecars.get(idOf(m)) ?? []) taken.set(`${idOf(m)}-${sc.id}`, `${idOf(m)}-${sc.id}`);
    if (m.runtime.containerName !== undefined) taken.set(m.runtime.containerName, idOf(m));
  }
  for (const m of mains) {
    const { keyPath, map } = m.input;
    const kind = servers.has(m.input.composeName) ? 'service' : m.kind;
    let ports = m.ports;
    let networks: string[] = [];
    if (m.hostNetwork) {
      if (m.networks.length > 0) {
        ctx.reporter.report(
          'import/unsupported-value',
          at(ctx, `${keyPath}.networks`, m.networks[0].line),
          'a service on the host network joins no network: networks are left out.',
        );
      }
      if (ports.length > 0 && kind === 'service') {
        ctx.reporter.report(
          'import/unsupported-value',
          at(ctx, `${keyPath}.ports`, map.entries.get('ports')?.line ?? map.entries.get('expose')?.line ?? map.line),
          'a service on the host network listens on host ports directly: its ports are left out, as Compose ignores them.',
        );
        ports = [];
      }
    } else {
      for (const n of m.networks) {
        if (n.name === 'default') {
          if (defaultId) networks.push(defaultId);
          continue;
        }
        const d = declared.get(n.name);
        if (!d) {
          ctx.reporter.report(
            'import/unknown-reference',
            at(ctx, n.keyPath, n.line),
            `network ${n.name} is not declared under the top-level networks.`,
            `Declare it: networks: { ${n.name}: {} }.`,
          );
          continue;
        }
        networks.push(d.id);
      }
      if (defaultId && m.networks.length === 0) networks = [defaultId];
    }
    networks = [...new Set(networks)];
    networks.forEach((n) => networkIds.add(n));
    if (kind === 'job' && ports.length > 0) {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, `${keyPath}.ports`, map.entries.get('ports')?.line ?? map.entries.get('expose')?.line ?? map.line),
        `a job (restart ${m.restart}) has no ports in the model: they are left out.`,
        'Give it restart: always to import it as a service.',
      );
      ports = [];
    }
    if (kind === 'job' && m.deploy.replicas && m.replicas !== 1) {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, m.deploy.replicas.keyPath, m.deploy.replicas.line),
        `a job (restart ${m.restart}) runs once in the model: replicas ${m.replicas} is left out.`,
      );
    }
    workloads.push({
      kind,
      id: idOf(m),
      container: m.container,
      ports,
      networks: networks.sort(),
      hostNetwork: m.hostNetwork,
      dependsOn: resolveDependencies(ctx, m, mains, byName, rootOf, idOf, inputs.skipped, servers),
      restart: m.restart,
      replicas: kind === 'service' ? m.replicas : 1,
      ...(kind === 'service' && m.deploy.global ? { global: true as const } : {}),
      sidecars: (sidecars.get(idOf(m)) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1)),
      runtime: withAliases(m, m.hostNetwork ? [] : resolveAliases(ctx, idOf(m), rawAliases.get(m) ?? [], networks.length, taken)),
      ...(m.deploy.placement ? { placement: m.deploy.placement } : {}),
      source: { keyPath, line: map.line },
    });
  }
  for (const d of declared.values()) if (d.id !== 'default') networkIds.add(d.id);
  const declaredOf = (id: string): DeclaredNetwork | undefined => (id === defaultId ? defaultDeclared : [...declared.values()].find((d) => d.id === id));
  const networks = [...networkIds].sort().map((id) => {
    const d = declaredOf(id);
    return { id, internal: d?.internal ?? false, ...(d?.dockerName !== undefined ? { dockerName: d.dockerName } : {}) };
  });
  return { networks, workloads: order(ctx, workloads) };
}

/**
 * The names each main service is reached by besides its own, in the order of the file: its network aliases, and
 * the aliases other services link it as (a link to a sidecar names the service whose network it shares).
 */
function aliasesByService(services: readonly ConvertedService[], rootOf: (s: ConvertedService) => ConvertedService | undefined): Map<ConvertedService, RawAlias[]> {
  const out = new Map<ConvertedService, RawAlias[]>();
  const add = (s: ConvertedService | undefined, a: RawAlias) => {
    if (s) out.set(s, [...(out.get(s) ?? []), a]);
  };
  const byName = new Map(services.map((s) => [s.input.composeName, s]));
  for (const s of services) {
    if (s.input.sidecarOf === undefined) for (const a of s.aliases) add(s, a);
    for (const l of s.links) {
      const target = byName.get(l.target);
      if (l.alias === undefined || !target) continue;
      const root = rootOf(target);
      add(root, { composeName: root?.input.composeName ?? l.target, alias: l.alias, from: { kind: 'link', by: s.input.composeName }, keyPath: l.keyPath, line: l.line });
    }
  }
  return out;
}

function withAliases(m: ConvertedService, aliases: readonly string[]): ConvertedService['runtime'] {
  return aliases.length > 0 ? { ...m.runtime, aliases } : m.runtime;
}

function resolveDependencies(
  ctx: ImportContext,
  m: ConvertedService,
  mains: readonly ConvertedService[],
  byName: ReadonlyMap<string, ConvertedService>,
  rootOf: (s: ConvertedService) => ConvertedService | undefined,
  idOf: (s: ConvertedService) => string,
  skipped: ReadonlySet<string>,
  servers: ReadonlyMap<string, ServerReason>,
): DependencyPlan[] {
  const out: DependencyPlan[] = [];
  for (const d of m.dependsOn) {
    const target = byName.get(d.composeName);
    if (!target) {
      const why = skipped.has(d.composeName) ? 'is left out by the chosen profiles' : 'is not a service of this file';
      ctx.reporter.report(
        'import/unknown-reference',
        at(ctx, d.keyPath, d.line),
        `${d.keyPath.includes('.links[') ? 'links' : 'depends on'} ${d.composeName}, which ${why}.`,
        skipped.has(d.composeName) ? 'Activate its profile with --profile.' : undefined,
      );
      continue;
    }
    let main = target;
    if (target.input.sidecarOf !== undefined) {
      const root = rootOf(target);
      if (!root) continue;
      ctx.reporter.report(
        'import/sidecar-key',
        at(ctx, d.keyPath, d.line),
        `${d.composeName} is a sidecar of ${root.input.composeName}: the dependency is on ${root.input.composeName}.`,
      );
      main = root;
    }
    if (main === m || !mains.includes(main)) continue;
    let condition = d.condition;
    if (condition === 'completed' && (main.kind !== 'job' || servers.has(main.input.composeName))) {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, d.keyPath, d.line),
        main.kind !== 'job'
          ? `${d.composeName} restarts ${main.restart}, so it never completes in the model: the dependency waits for it to start.`
          : `${d.composeName} serves (${servers.get(main.input.composeName)?.why}), so it is a service that never completes in the model: the dependency waits for it to start.`,
        main.kind !== 'job' ? `Give ${d.composeName} restart: "no" to import it as a job.` : servers.get(main.input.composeName)?.fix,
      );
      condition = 'started';
    }
    const id = idOf(main);
    if (!out.some((x) => x.target === id)) out.push({ target: id, condition });
  }
  return out.sort((a, b) => (a.target < b.target ? -1 : 1));
}

/** Dependencies first, otherwise in the order of the file; a cycle is reported and broken. */
function order(ctx: ImportContext, workloads: WorkloadPlan[]): WorkloadPlan[] {
  const out: WorkloadPlan[] = [];
  const placed = new Set<string>();
  const pending = [...workloads];
  while (pending.length > 0) {
    const i = pending.findIndex((w) => w.dependsOn.every((d) => placed.has(d.target)));
    if (i >= 0) {
      const [w] = pending.splice(i, 1);
      out.push(w);
      placed.add(w.id);
      continue;
    }
    const w = pending.shift() as WorkloadPlan;
    const waiting = w.dependsOn.filter((d) => !placed.has(d.target)).map((d) => d.target);
    ctx.reporter.report(
      'import/dependency-cycle',
      at(ctx, `${w.source.keyPath}.depends_on`, w.source.line),
      `depends_on forms a cycle through ${[w.id, ...waiting].join(', ')}.`,
      'Remove one of the dependencies.',
    );
    out.push({ ...w, dependsOn: w.dependsOn.filter((d) => placed.has(d.target)) });
    placed.add(w.id);
  }
  return out;
}
