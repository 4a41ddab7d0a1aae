import { at, type ImportContext } from './context';
import type { ConvertedService } from './workload';

/**
 * Compose lets services reach every port of one another without `expose`; the model reaches only declared ports
 * (a Kubernetes Service, an ECS port mapping). A port that another service names as `<service>:<port>` in its
 * environment or command (`mongodb://mongo:27017/shop`) is declared on that service, with a diagnostic.
 */
export function inferPorts(ctx: ImportContext, services: readonly ConvertedService[]): void {
  const texts = services.map((s) => ({
    from: s.input.composeName,
    values: [...Object.values(s.container.env), ...(s.container.command ?? []), ...(s.container.entrypoint ?? [])],
  }));
  for (const target of services) {
    if (target.input.sidecarOf !== undefined || target.hostNetwork || target.kind === 'job') continue;
    const name = target.input.composeName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?:^|[^A-Za-z0-9_.-])${name}:(\\d{1,5})(?![0-9])`, 'g');
    for (const { from, values } of texts) {
      if (from === target.input.composeName) continue;
      for (const value of values) {
        for (const m of value.matchAll(pattern)) {
          const port = Number(m[1]);
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
  }
}

/**
 * A service that others depend on but that declares no port: Compose lets them reach any port it listens on,
 * Kubernetes and ECS only the declared ones, so it is reported.
 */
export function reportPortless(ctx: ImportContext, services: readonly ConvertedService[]): void {
  for (const target of services) {
    if (target.input.sidecarOf !== undefined || target.hostNetwork || target.kind === 'job' || target.ports.length > 0) continue;
    const dependants = services.filter((s) => s.dependsOn.some((d) => d.composeName === target.input.composeName)).map((s) => s.input.composeName);
    if (dependants.length === 0) continue;
    ctx.reporter.report(
      'import/undeclared-ports',
      at(ctx, target.input.keyPath, target.input.map.line),
      `${dependants.join(', ')} depend${dependants.length === 1 ? 's' : ''} on ${target.input.composeName}, which declares no port: Compose reaches any port it listens on, Kubernetes and ECS only declared ones.`,
      `Declare the ports it listens on: expose: ["PORT"].`,
    );
  }
}
