import { at, type ImportContext } from './context';
import { envHostPorts } from './env-host-ports';
import { healthCheckPorts } from './health-check-ports';
import { knownImagePorts } from './known-image-ports';
import { officialImagePorts } from './official-image-ports';
import { boundFiles, exposedPorts, type ExposedPort } from './port-hints';
import { serversOf } from './servers';
import type { ConvertedService } from './workload';

/**
 * Compose lets services reach every port of one another without `expose`; the model reaches only declared ports
 * (a Kubernetes Service, an ECS port mapping). A port that another service names as `<service>:<port>` in its
 * environment or command (`mongodb://mongo:27017/shop`, or `DB_HOST=mongo` with `DB_PORT=27017`), or by its container
 * name or an alias, is declared on that service, with a diagnostic.
 */
export function inferPorts(ctx: ImportContext, services: readonly ConvertedService[]): void {
  // one pass over every value: `<name>:<port>` where the name is a whole word, by the name it names
  const reached = new Map<string, { from: string; port: number }[]>();
  for (const s of services) {
    const name = s.input.composeName;
    const sources = [
      ...[...Object.values(s.container.env), ...(s.container.command ?? []), ...(s.container.entrypoint ?? [])].map((text) => ({ from: name, text })),
      ...boundFiles(ctx, s.container.mounts).map((f) => ({ from: `${name} (in ${f.source})`, text: f.text })),
      ...envHostPorts(s.container.env).map((p) => ({ from: `${name} (${p.keys})`, text: p.text })),
    ];
    for (const { from, text } of sources) {
      for (const m of text.matchAll(REACHED)) {
        if (m[1] === name) continue;
        const list = reached.get(m[1]) ?? [];
        if (!list.some((r) => r.port === Number(m[2]))) list.push({ from, port: Number(m[2]) });
        reached.set(m[1], list);
      }
    }
  }
  // the services others depend on or link to, which the targets must let them reach
  const needed = new Set(services.flatMap((s) => [...s.dependsOn.map((d) => d.composeName), ...s.links.map((l) => l.target)]));
  // a service with no restart policy of its own (a job) that others reach or wait for serves like any other
  const servers = serversOf(services);
  for (const target of services) {
    if (target.input.sidecarOf !== undefined || target.hostNetwork) continue;
    const composeName = target.input.composeName;
    for (const { from, port, name } of namesOf(target, services).flatMap((n) => (reached.get(n) ?? []).map((r) => ({ ...r, name: n })))) {
      if (port < 1 || port > 65535 || target.ports.some((p) => p.containerPort === port && p.protocol === 'tcp')) continue;
      target.ports.push({ containerPort: port, protocol: 'tcp', http: false });
      ctx.reporter.report(
        'import/inferred-port',
        at(ctx, target.input.keyPath, target.input.map.line),
        `${from} reaches ${name}:${port}${name !== composeName ? ` (${composeName})` : ''}, which ${composeName} does not declare: port ${port} is imported, so that every target lets ${from} reach it.`,
        `Declare it: expose: ["${port}"].`,
      );
    }
    if (target.kind === 'job' && !servers.has(composeName) && target.ports.length === 0) continue;
    if (target.ports.length === 0) inferExposed(ctx, target);
    if (target.ports.length === 0) inferFromProxyLabel(ctx, target);
    if (target.ports.length === 0 && (needed.has(composeName) || target.aliases.length > 0)) inferFromHealthCheck(ctx, target, namesOf(target, services));
    if (target.ports.length === 0 && (needed.has(composeName) || target.aliases.length > 0)) inferFromOfficialImage(ctx, target);
  }
}

/** The names a service is reached by: its own, its container name, its network aliases and the aliases it is linked as. */
function namesOf(target: ConvertedService, services: readonly ConvertedService[]): string[] {
  const own = target.input.composeName;
  const linked = services.flatMap((s) => s.links.filter((l) => l.target === own && l.alias !== undefined).map((l) => l.alias as string));
  const names = [own, ...(target.runtime.containerName !== undefined ? [target.runtime.containerName] : []), ...target.aliases.map((a) => a.alias), ...linked];
  return [...new Set(names)];
}

/** `traefik.http.services.<name>.loadbalancer.server.port`: the port a Traefik proxy forwards to, which the service listens on. */
const TRAEFIK_PORT = /^traefik\.http\.services\.[^.]+\.loadbalancer\.server\.port$/;

/** Traefik reads container labels on Docker, and the service's `deploy.labels` on Swarm: both are read. */
function inferFromProxyLabel(ctx: ImportContext, target: ConvertedService): void {
  const labels = [
    ...Object.entries(target.runtime.serviceLabels ?? {}).map(([key, value]) => ({ key, value, kind: 'deploy label' })),
    ...Object.entries(target.container.labels).map(([key, value]) => ({ key, value, kind: 'label' })),
  ];
  for (const { key, value, kind } of labels) {
    const port = Number(value);
    if (!TRAEFIK_PORT.test(key) || !Number.isInteger(port) || port < 1 || port > 65535 || target.ports.some((p) => p.containerPort === port)) continue;
    target.ports.push({ containerPort: port, protocol: 'tcp', http: false });
    ctx.reporter.report(
      'import/inferred-port',
      at(ctx, target.input.keyPath, target.input.map.line),
      `${target.input.composeName} declares no port, and its ${kind} ${key} says a proxy reaches it on ${port}: port ${port} is imported, so that every target lets the proxy reach it.`,
      `Declare it: expose: ["${port}"].`,
    );
  }
}

/** The ports a service's own health check reaches it on, where it declares none itself and others depend on it. */
function inferFromHealthCheck(ctx: ImportContext, target: ConvertedService, names: readonly string[]): void {
  const ports = healthCheckPorts(target.container.health, names);
  if (ports.length === 0) return;
  for (const port of ports) target.ports.push({ containerPort: port, protocol: 'tcp', http: false });
  const list = ports.join(', ');
  const one = ports.length === 1;
  ctx.reporter.report(
    'import/inferred-port',
    at(ctx, target.input.keyPath, target.input.map.line),
    `${target.input.composeName} declares no port, and its health check reaches it on ${list}: ${one ? 'it is' : 'they are'} imported, so that every target lets other services reach ${one ? 'it' : 'them'}.`,
    `Declare ${one ? 'it' : 'them'}: expose: [${ports.map((p) => `"${p}"`).join(', ')}].`,
  );
}

/** The ports that the Dockerfile of a service built in the project EXPOSEs, where it declares none itself. */
function inferExposed(ctx: ImportContext, target: ConvertedService): void {
  const exposed = exposedPorts(ctx, target.container.image);
  if (exposed) declareExposed(ctx, target, `${exposed.dockerfile} (${exposed.stage})`, exposed.ports);
}

/**
 * The ports that the Docker Official Image a service pulls EXPOSEs (`mysql:8`: 3306, 33060), or a common image the
 * import knows (`valkey/valkey`: 6379), where it declares none itself and others depend on it, link to it or reach
 * it by an alias.
 */
function inferFromOfficialImage(ctx: ImportContext, target: ConvertedService): void {
  const image = target.container.image;
  if (image.kind !== 'registry') return;
  const official = officialImagePorts(image.ref);
  if (official) return declareExposed(ctx, target, `the Docker Official Image ${image.ref}`, official);
  const known = knownImagePorts(image.ref);
  if (known) declareExposed(ctx, target, `the image ${image.ref}`, known);
}

/** Declares the ports an image EXPOSEs on a service that declares none, saying where they came from. */
function declareExposed(ctx: ImportContext, target: ConvertedService, source: string, ports: readonly ExposedPort[]): void {
  if (ports.length === 0) return;
  for (const p of ports) target.ports.push({ containerPort: p.port, protocol: p.protocol, http: false });
  const list = ports.map((p) => `${p.port}${p.protocol === 'udp' ? '/udp' : ''}`);
  ctx.reporter.report(
    'import/inferred-port',
    at(ctx, target.input.keyPath, target.input.map.line),
    `${target.input.composeName} declares no port, and ${source} EXPOSEs ${list.join(', ')}: ${list.length === 1 ? 'it is' : 'they are'} imported, so that every target lets other services reach ${list.length === 1 ? 'it' : 'them'}.`,
    `Declare ${list.length === 1 ? 'it' : 'them'}: expose: [${list.map((p) => `"${p}"`).join(', ')}].`,
  );
}

/** `<name>:<port>`, the name a whole word of the characters a Compose service name may hold. */
const REACHED = /(?:^|[^A-Za-z0-9_.-])([A-Za-z0-9_.-]+):(\d{1,5})(?![0-9])/g;

/**
 * A service that others depend on (to start or be healthy) but that declares no port: Compose lets them reach any port it listens on,
 * Kubernetes and ECS only the declared ones, so it is reported.
 */
export function reportPortless(ctx: ImportContext, services: readonly ConvertedService[]): void {
  const dependantsOf = new Map<string, string[]>();
  for (const s of services) {
    // a service that waits for another to complete runs after it, and reaches no port of it
    for (const name of new Set(s.dependsOn.filter((d) => d.condition !== 'completed').map((d) => d.composeName))) {
      const list = dependantsOf.get(name) ?? [];
      list.push(s.input.composeName);
      dependantsOf.set(name, list);
    }
  }
  const servers = serversOf(services);
  for (const target of services) {
    if (target.input.sidecarOf !== undefined || target.hostNetwork || (target.kind === 'job' && !servers.has(target.input.composeName)) || target.ports.length > 0) continue;
    const dependants = dependantsOf.get(target.input.composeName) ?? [];
    if (dependants.length === 0) continue;
    const image = target.container.image;
    const unknown =
      image.kind === 'registry'
        ? `the ports of ${image.ref} are in its registry's image, which the import does not read, and it is no image whose ports the import knows`
        : `${image.context}/${image.dockerfile ?? 'Dockerfile'} EXPOSEs none, and no file of the project names ${target.input.composeName}:PORT`;
    ctx.reporter.report(
      'import/undeclared-ports',
      at(ctx, target.input.keyPath, target.input.map.line),
      `${dependants.join(', ')} depend${dependants.length === 1 ? 's' : ''} on ${target.input.composeName}, which declares no port (${unknown}): Compose reaches any port it listens on, Kubernetes and ECS only declared ones.`,
      `Declare the ports it listens on: expose: ["PORT"].`,
    );
  }
}
