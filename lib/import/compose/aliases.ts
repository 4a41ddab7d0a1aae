import { NAME_PATTERN } from '../../model/names';
import { asSeq, asString, at, entry, type ImportContext } from './context';
import type { LocatedMap } from './located';

/** One name a service of the file is reached by besides its own: a network alias, or a link's alias. */
export interface RawAlias {
  /** The service the name belongs to, as the file names it. */
  readonly composeName: string;
  readonly alias: string;
  /** `networks.<n>.aliases` of the service itself, or `links` of another service. */
  readonly from: { readonly kind: 'network'; readonly network: string } | { readonly kind: 'link'; readonly by: string };
  readonly keyPath: string;
  readonly line: number;
}

/** `links` of a service: `db` or `db:database`. Each is also a start-order dependency, as in Compose. */
export interface RawLink {
  readonly target: string;
  readonly alias?: string;
  readonly keyPath: string;
  readonly line: number;
}

export function linksOf(ctx: ImportContext, map: LocatedMap, keyPath: string): RawLink[] {
  const e = entry(map, 'links');
  if (!e) return [];
  const p = `${keyPath}.links`;
  return asSeq(ctx, e.value, p).items.map((n, i) => {
    const [target, alias] = asString(ctx, n, `${p}[${i}]`).split(':');
    return { target, ...(alias !== undefined && alias !== target ? { alias } : {}), keyPath: `${p}[${i}]`, line: n.line };
  });
}

/**
 * `external_links`: containers started outside the project. No target runs them, so the names they are linked as
 * resolve nowhere.
 */
export function reportExternalLinks(ctx: ImportContext, map: LocatedMap, keyPath: string, composeName: string): void {
  const e = entry(map, 'external_links');
  if (!e) return;
  const p = `${keyPath}.external_links`;
  asSeq(ctx, e.value, p).items.forEach((n, i) => {
    const [container, alias] = asString(ctx, n, `${p}[${i}]`).split(':');
    ctx.reporter.report(
      'import/unsupported-key',
      at(ctx, `${p}[${i}]`, n.line),
      `external_links ${container} names a container outside the project, which no target runs or names: ${alias ?? container} does not resolve from ${composeName} on Kubernetes or ECS, and on Compose, Swarm and docker only while such a container shares a network with it.`,
      `Add ${container} as a service of this file (then ${composeName} reaches it by name everywhere), or pass its address to ${composeName} in env.`,
    );
  });
}

/** `networks.<n>.aliases` of a service. */
export function networkAliasesOf(ctx: ImportContext, map: LocatedMap, keyPath: string, composeName: string, network: string): RawAlias[] {
  const e = entry(map, 'aliases');
  if (!e) return [];
  const p = `${keyPath}.aliases`;
  return asSeq(ctx, e.value, p).items.map((n, i) => ({ composeName, alias: asString(ctx, n, `${p}[${i}]`), from: { kind: 'network', network }, keyPath: `${p}[${i}]`, line: n.line }));
}

/**
 * The aliases of one workload, in the order the file gives them: those the model can carry, each once. An alias
 * that is not a DNS label, or that another service, container name or alias of the file already carries, is left
 * out with a warning; Compose's narrower scope (one network, or the linking service) is said once per workload.
 */
export function resolveAliases(ctx: ImportContext, id: string, raw: readonly RawAlias[], networkCount: number, taken: Map<string, string>): string[] {
  const out: string[] = [];
  for (const a of raw) {
    if (out.includes(a.alias) || a.alias === id) continue;
    const where = at(ctx, a.keyPath, a.line);
    if (!NAME_PATTERN.test(a.alias) || a.alias.length > 63) {
      ctx.reporter.report('import/unsupported-value', where, `alias ${a.alias} is not a DNS label, which Kubernetes and ECS require: it is left out, so ${a.alias} does not resolve to ${a.composeName}.`, `Use lowercase letters, digits and -, and reach ${a.composeName} by that name.`);
      continue;
    }
    const owner = taken.get(a.alias);
    if (owner !== undefined && owner !== id) {
      ctx.reporter.report('import/unsupported-value', where, `alias ${a.alias} already names ${owner}: it is left out, so ${a.alias} resolves to ${owner} only, not to ${a.composeName}.`, `Give ${a.composeName} an alias of its own.`);
      continue;
    }
    taken.set(a.alias, id);
    out.push(a.alias);
    if (a.from.kind === 'link') {
      ctx.reporter.report(
        'import/alias-scope',
        where,
        `${a.composeName} is reached as ${a.alias} by every workload that shares a network with it, not only by ${a.from.by}: Compose scopes a link's alias to the linking service.`,
      );
    }
  }
  const networkAliases = raw.filter((a) => a.from.kind === 'network' && out.includes(a.alias));
  if (networkAliases.length > 0 && networkCount > 1) {
    const first = networkAliases[0];
    ctx.reporter.report(
      'import/alias-scope',
      at(ctx, first.keyPath, first.line),
      `${[...new Set(networkAliases.map((a) => a.alias))].join(', ')} name${networkAliases.length > 1 ? '' : 's'} ${first.composeName} on each of its ${networkCount} networks: Compose scopes an alias to the network that lists it, the model's aliases apply on all of them.`,
    );
  }
  return out;
}
