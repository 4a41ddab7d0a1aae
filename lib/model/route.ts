import { ModelError } from './errors';
import type { RouteSpec } from './spec';
import { compareNames } from './names';

/** Host names a certificate and a DNS record can carry: lowercase labels, at least two. */
const HOST = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/;
/** A path prefix: `/`, `/api`, `/api/v1`; no query, no fragment, no wildcard. */
const PATH = /^\/([A-Za-z0-9._~!$&'()+,;=:@%-]+(\/[A-Za-z0-9._~!$&'()+,;=:@%-]+)*)?$/;

/** Parses `https://shop.example.com/api` into its scheme, host and path prefix; throws a located ModelError. */
export function parseRoute(path: string, prop: string, url: unknown): RouteSpec {
  const fix = "Write e.g. 'https://shop.example.com/api': https or http, a host name, an optional path prefix";
  if (typeof url !== 'string') throw new ModelError(path, prop, 'a route is a URL', url, fix);
  const m = /^(https?):\/\/([^/?#:]+)(\/[^?#]*)?$/.exec(url);
  if (!m) throw new ModelError(path, prop, 'a route is scheme://host/path, without port, query or fragment', url, fix);
  const [, scheme, host, rawPath] = m;
  if (!HOST.test(host)) throw new ModelError(path, prop, 'the host must be a lowercase DNS name with a dot', host, "Write e.g. 'shop.example.com'");
  const prefix = rawPath === undefined || rawPath === '/' ? '/' : rawPath.replace(/\/$/, '');
  if (!PATH.test(prefix)) throw new ModelError(path, prop, 'the path must be a plain prefix', rawPath, "Write e.g. '/api' (no wildcard, query or fragment)");
  return { scheme: scheme as 'http' | 'https', host, path: prefix };
}

/** The URL of a route, as written back: `https://shop.example.com/api`. */
export function routeUrl(r: RouteSpec): string {
  return `${r.scheme}://${r.host}${r.path === '/' ? '/' : r.path}`;
}

/** What the whole-tree route check reads of a workload. */
interface RoutedWorkload {
  readonly path: string;
  readonly main: { readonly ports: readonly { readonly routes?: readonly RouteSpec[] }[] };
}

/** One URL leads to one port: a second claim of the same scheme, host and path is a located error. */
export function checkRoutes(workloads: readonly RoutedWorkload[], errors: ModelError[]): void {
  const owners = new Map<string, string>();
  for (const w of [...workloads].sort((a, b) => compareNames(a.path, b.path))) {
    w.main.ports.forEach((p, i) =>
      (p.routes ?? []).forEach((r, j) => {
        const url = routeUrl(r);
        const owner = owners.get(url);
        if (owner !== undefined) errors.push(new ModelError(w.path, `ports[${i}].routes[${j}]`, `the route is already taken by ${owner}`, url, 'Give each route its own host or path'));
        else owners.set(url, `${w.path} ports[${i}]`);
      }),
    );
  }
}
