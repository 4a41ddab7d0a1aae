import { asBoolean, asMap, asString, at, entry, type ImportContext } from './context';
import type { LocatedMap } from './located';

/** What one driver option of a bridge or overlay network changes, and the one change that keeps it. */
const OPTIONS: Record<string, (name: string, value: string) => { readonly changes: string; readonly fix: string } | undefined> = {
  'com.docker.network.bridge.enable_icc': (name, value) =>
    value === 'false'
      ? {
          changes: `containers on ${name} cannot reach each other in Compose (enable_icc false); on every target the services on ${name} reach each other, because a network in the model says who may connect to whom`,
          fix: 'Put services that must not talk to each other on separate networks.',
        }
      : undefined,
  'com.docker.network.bridge.enable_ip_masquerade': (name, value) =>
    value === 'false'
      ? {
          changes: `containers on ${name} reach nothing outside the host in Compose (no masquerading); on every target they reach the internet`,
          fix: `Make the network internal: true, which every target honours.`,
        }
      : undefined,
  'com.docker.network.bridge.host_binding_ipv4': (name, value) => ({
    changes: `ports published by containers on ${name} listen on ${value} in Compose; on every target they listen on every address of the host or load balancer`,
    fix: `Write the address in each published port: ports: ["${value}:HOST:CONTAINER"].`,
  }),
  encrypted: (name) => ({
    changes: `traffic on ${name} between Swarm nodes is encrypted (IPsec) in Compose; on Kubernetes and ECS it crosses the cluster network or VPC unencrypted`,
    fix: 'Use TLS between the services, or a cluster network that encrypts (a CNI with WireGuard or IPsec).',
  }),
};

/** What a network driver other than bridge and overlay does in Compose, against what every target does. */
function driverFinding(name: string, driver: string): { readonly changes: string; readonly fix: string } {
  if (driver === 'host') {
    return {
      changes: `containers on ${name} share the host's network stack in Compose; on every target they get addresses of their own, so what they listen on is not on the host's interfaces`,
      fix: `Use network_mode: host on each service that needs the host's stack, and drop the network.`,
    };
  }
  if (driver === 'none') {
    return {
      changes: `containers on ${name} have no network in Compose; on every target ${name} connects them, so they reach and are reached by the others on it`,
      fix: 'Put each of them alone on a network of its own, or leave the network out of the services.',
    };
  }
  if (driver === 'macvlan' || driver === 'ipvlan') {
    return {
      changes: `containers on ${name} get addresses on the host's LAN in Compose, reachable by every machine there; on every target ${name} is private to the system, so the LAN reaches them only through published ports`,
      fix: 'Publish each port the LAN must reach: ports: ["HOST:CONTAINER"].',
    };
  }
  return {
    changes: `${name} uses the network plugin ${driver} in Compose; every target connects its containers with its own network instead (a bridge on Compose, the pod network on Kubernetes, the VPC on ECS), without what ${driver} adds`,
    fix: `Set driver: ${driver} on the network in the rendered Compose or stack file, if the hosts have the plugin.`,
  };
}

/**
 * The keys of a top-level network that say how it is built: `driver`, `driver_opts`, `enable_ipv6`, `attachable`.
 * bridge (Compose's) and overlay (a swarm's) are what the targets do anyway; every other driver, and each option
 * that changes who reaches whom, is reported with what the running system does differently and the fix.
 * Returns the keys read.
 */
export function networkDriverKeys(ctx: ImportContext, map: LocatedMap, keyPath: string, name: string): string[] {
  const read: string[] = [];
  const d = entry(map, 'driver');
  const driver = d ? asString(ctx, d.value, `${keyPath}.driver`) : 'bridge';
  if (d) {
    read.push('driver');
    if (driver !== 'bridge' && driver !== 'overlay') {
      const f = driverFinding(name, driver);
      ctx.reporter.report('import/network-driver', at(ctx, `${keyPath}.driver`, d.line), `driver ${driver}: ${f.changes}.`, f.fix);
    }
  }
  const opts = entry(map, 'driver_opts');
  if (opts) {
    read.push('driver_opts');
    for (const [key, e] of asMap(ctx, opts.value, `${keyPath}.driver_opts`).entries) {
      const p = `${keyPath}.driver_opts.${key}`;
      const value = e.value.kind === 'scalar' && e.value.value === null ? '' : asString(ctx, e.value, p);
      const known = OPTIONS[key];
      if (known) {
        const f = known(name, value);
        if (f) ctx.reporter.report('import/network-driver', at(ctx, p, e.line), `${key} ${JSON.stringify(value)}: ${f.changes}.`, f.fix);
        continue;
      }
      ctx.reporter.report(
        'import/network-driver',
        at(ctx, p, e.line),
        `${key} ${JSON.stringify(value)} is an option of the ${driver} driver: every target builds ${name} with its own settings, so it is left out; who reaches whom does not change.`,
        'Set it on the network in the rendered Compose or stack file, if the hosts need it.',
      );
    }
  }
  const ipv6 = entry(map, 'enable_ipv6');
  if (ipv6) {
    read.push('enable_ipv6');
    if (asBoolean(ctx, ipv6.value, `${keyPath}.enable_ipv6`)) {
      ctx.reporter.report(
        'import/network-option',
        at(ctx, `${keyPath}.enable_ipv6`, ipv6.line),
        `containers on ${name} get IPv6 addresses in Compose; every target gives them IPv4 only, so a client that reaches them over IPv6 fails.`,
        'Reach them over IPv4, or turn IPv6 on where the system runs (enable_ipv6 in the rendered Compose file, a dual-stack cluster or VPC).',
      );
    }
  }
  const attachable = entry(map, 'attachable');
  if (attachable) {
    read.push('attachable');
    if (asBoolean(ctx, attachable.value, `${keyPath}.attachable`)) {
      ctx.reporter.report(
        'import/network-option',
        at(ctx, `${keyPath}.attachable`, attachable.line),
        `containers started outside the system (docker run --network ${name}) can join ${name} in Compose; on every target the network is the system's own, and they cannot.`,
        'Make each such container a service of the system.',
      );
    }
  }
  return read;
}
