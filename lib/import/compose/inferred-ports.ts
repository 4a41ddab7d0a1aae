import { at, type ImportContext } from './context';
import type { ConvertedService } from './workload';

/**
 * Compose lets services reach every port of one another without `expose`; the model reaches only declared ports
 * (a Kubernetes Service, an ECS port mapping). A port that another service names as `<service>:<port>` in its
 * environment or command (`mongodb://mongo:27017/shop`) is declared on that service, with a diagnostic.
 */
export function inferPorts(ctx: ImportContext, services: readonly ConvertedService[]): void {
  // one pass over every value: `<name>:<port>` where the name is a whole word, by the name it names
  const reached = new Map<string, { from: string; port: number }[]>();
  for (const s of services) {
    const from = s.input.composeName;
    for (const value of [...Object.values(s.container.env), ...(s.container.command ?? []), ...(s.container.entrypoint ?? [])]) {
      for (const m of value.matchAll(REACHED)) {
        if (m[1] === from) continue;
        const list = reached.get(m[1]) ?? [];
        list.push({ from, port: Number(m[2]) });
        reached.set(m[1], list);
      }
    }
  }
  for (const target of services) {
    if (target.input.sidecarOf !== undefined || target.hostNetwork || target.kind === 'job') continue;
    for (const { from, port } of reached.get(target.input.composeName) ?? []) {
      if (port < 1 || port > 65535 || target.ports.some((p) => p.containerPort === port && p.protocol === 'tcp')) continue;
      target.ports.push({ containerPort: port, protocol: 'tcp', http: false });
      ctx.reporter.report(
        'import/inferred-port',
        at(ctx, target.input.keyPath, target.input.map.line),
        `${from} reaches ${target.input.composeName}:${port}, which ${target.input.composeName} does not declare: port ${port} is imported, so that every target lets ${from} reach it.`,
        `Declare it: expose: ["${port}"].`,
      );
    }
  }
}

/** `<name>:<port>`, the name a whole word of the characters a Compose service name may hold. */
const REACHED = /(?:^|[^A-Za-z0-9_.-])([A-Za-z0-9_.-]+):(\d{1,5})(?![0-9])/g;

/**
 * A service that others depend on but that declares no port: Compose lets them reach any port it listens on,
 * Kubernetes and ECS only the declared ones, so it is reported.
 */
export function reportPortless(ctx: ImportContext, services: readonly ConvertedService[]): void {
  const dependantsOf = new Map<string, string[]>();
  for (const s of services) {
    for (const name of new Set(s.dependsOn.map((d) => d.composeName))) {
      const list = dependantsOf.get(name) ?? [];
      list.push(s.input.composeName);
      dependantsOf.set(name, list);
    }
  }
  for (const target of services) {
    if (target.input.sidecarOf !== undefined || target.hostNetwork || target.kind === 'job' || target.ports.length > 0) continue;
    const dependants = dependantsOf.get(target.input.composeName) ?? [];
    if (dependants.length === 0) continue;
    ctx.reporter.report(
      'import/undeclared-ports',
      at(ctx, target.input.keyPath, target.input.map.line),
      `${dependants.join(', ')} depend${dependants.length === 1 ? 's' : ''} on ${target.input.composeName}, which declares no port: Compose reaches any port it listens on, Kubernetes and ECS only declared ones.`,
      `Declare the ports it listens on: expose: ["PORT"].`,
    );
  }
}
