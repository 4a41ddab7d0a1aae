import { asScalar, asSeq, asString, at, entry, fail, reportUnhandled, type ImportContext } from './context';
import type { Located, LocatedMap } from './located';
import type { PortPlan } from './plan';

interface Parsed {
  readonly container: readonly [number, number];
  readonly host?: readonly [number, number];
  readonly hostIp?: string;
  readonly protocol: string;
}

const RANGE = /^(\d+)(?:-(\d+))?$/;

function range(text: string): [number, number] | undefined {
  const m = RANGE.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] !== undefined ? Number(m[2]) : from;
  return to >= from ? [from, to] : undefined;
}

/** `[HOST_IP:][HOST[-RANGE]:]CONTAINER[-RANGE][/PROTOCOL]`, as `docker run -p` reads it. */
export function parsePortText(text: string): Parsed | undefined {
  const [body, protocol = 'tcp', extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  let hostIp: string | undefined;
  let rest = body;
  const v6 = /^\[([0-9a-fA-F:.]+)\]:(.*)$/.exec(rest);
  if (v6) {
    hostIp = v6[1];
    rest = v6[2];
  }
  const parts = rest.split(':');
  if (!v6 && parts.length === 3) hostIp = parts.shift();
  if (parts.length > 2 || (v6 && parts.length !== 2)) return undefined;
  const container = range(parts[parts.length - 1]);
  const host = parts.length === 2 && parts[0] !== '' ? range(parts[0]) : undefined;
  if (!container || (parts.length === 2 && parts[0] !== '' && !host)) return undefined;
  return { container, ...(host ? { host } : {}), ...(hostIp ? { hostIp } : {}), protocol: protocol.toLowerCase() };
}

/** Ports a service declares: published (`ports`, short or long syntax) and reachable by name only (`expose`). */
export class PortCollector {
  private readonly ports: PortPlan[] = [];

  constructor(private readonly ctx: ImportContext) {}

  /** The service's `ports` list. */
  addPorts(node: Located, keyPath: string): void {
    asSeq(this.ctx, node, keyPath).items.forEach((item, i) => {
      const p = `${keyPath}[${i}]`;
      if (item.kind === 'map') this.addLong(item, p);
      else this.addShort(asString(this.ctx, item, p), p, item.line, true);
    });
  }

  /** The service's `expose` list. */
  addExpose(node: Located, keyPath: string): void {
    asSeq(this.ctx, node, keyPath).items.forEach((item, i) => {
      const p = `${keyPath}[${i}]`;
      this.addShort(asString(this.ctx, item, p), p, item.line, false);
    });
  }

  result(): PortPlan[] {
    return this.ports;
  }

  private addShort(text: string, keyPath: string, line: number, published: boolean): void {
    const parsed = parsePortText(text);
    if (!parsed || (!published && (parsed.host || parsed.hostIp))) {
      fail(this.ctx, keyPath, line, `not a port (got ${JSON.stringify(text)}); write e.g. "8080:80", "80/udp" or "127.0.0.1:8080:80"`);
    }
    this.addParsed(parsed, keyPath, line, published, false);
  }

  private addLong(map: LocatedMap, keyPath: string): void {
    const ctx = this.ctx;
    reportUnhandled(ctx, map, keyPath, new Set(['target', 'published', 'host_ip', 'protocol', 'app_protocol', 'mode', 'name']));
    const target = entry(map, 'target');
    if (!target) fail(ctx, keyPath, map.line, 'a port in the long syntax needs a target');
    const container = range(asString(ctx, target.value, `${keyPath}.target`));
    if (!container) fail(ctx, `${keyPath}.target`, target.line, `not a port (got ${JSON.stringify(asScalar(ctx, target.value, keyPath).value)})`);
    const published = entry(map, 'published');
    const host = published ? range(asString(ctx, published.value, `${keyPath}.published`)) : undefined;
    if (published && !host) fail(ctx, `${keyPath}.published`, published.line, 'must be a port or a range of ports');
    const hostIp = entry(map, 'host_ip');
    const protocol = entry(map, 'protocol');
    const mode = entry(map, 'mode');
    if (mode && asString(ctx, mode.value, `${keyPath}.mode`) === 'host') {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, `${keyPath}.mode`, mode.line),
        'mode host (publish on the node that runs the task, bypassing the routing mesh) has no equivalent: the port is published as with mode ingress.',
      );
    }
    const name = entry(map, 'name');
    if (name) {
      ctx.reporter.report(
        'import/unsupported-key',
        at(ctx, `${keyPath}.name`, name.line),
        'a port name has no equivalent: the model names ports tcp-80, udp-53 or http-8080.',
      );
    }
    let http = false;
    const app = entry(map, 'app_protocol');
    if (app) {
      const value = asString(ctx, app.value, `${keyPath}.app_protocol`).toLowerCase();
      if (value === 'http') http = true;
      else {
        ctx.reporter.report(
          'import/unsupported-value',
          at(ctx, `${keyPath}.app_protocol`, app.line),
          `app_protocol ${value} has no equivalent: only http is kept.`,
        );
      }
    }
    const parsed: Parsed = {
      container,
      ...(host ? { host } : {}),
      ...(hostIp ? { hostIp: asString(ctx, hostIp.value, `${keyPath}.host_ip`) } : {}),
      protocol: protocol ? asString(ctx, protocol.value, `${keyPath}.protocol`).toLowerCase() : 'tcp',
    };
    this.addParsed(parsed, keyPath, map.line, true, http);
  }

  private addParsed(parsed: Parsed, keyPath: string, line: number, published: boolean, http: boolean): void {
    const ctx = this.ctx;
    if (parsed.protocol !== 'tcp' && parsed.protocol !== 'udp') {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, keyPath, line),
        `protocol ${parsed.protocol} has no equivalent: only tcp and udp are kept, so this port is left out.`,
      );
      return;
    }
    const hostIp = parsed.hostIp && parsed.hostIp !== '0.0.0.0' && parsed.hostIp !== '::' ? parsed.hostIp : undefined;
    const [cFrom, cTo] = parsed.container;
    const count = cTo - cFrom + 1;
    const host = parsed.host;
    if (host && host[1] - host[0] + 1 !== count) {
      if (count === 1) {
        ctx.reporter.report(
          'import/unsupported-value',
          at(ctx, keyPath, line),
          `a host port range ${host[0]}-${host[1]} has no equivalent: the port is published on ${host[0]}, the first of the range, which Docker takes when it is free.`,
          `Publish one host port, e.g. "${host[0]}:${cFrom}".`,
        );
      } else {
        ctx.reporter.report(
          'import/unsupported-value',
          at(ctx, keyPath, line),
          `host ports ${host[0]}-${host[1]} do not pair with container ports ${cFrom}-${cTo}: the ports are left out.`,
        );
        return;
      }
    }
    for (let k = 0; k < count; k++) {
      // a range of host ports for one container port: its first, which Docker takes when it is free
      const publish = !published ? undefined : host && (host[1] - host[0] + 1 === count || count === 1) ? host[0] + k : 'dynamic';
      const bound = publish !== undefined && hostIp !== undefined ? { hostIp } : {};
      this.add({ containerPort: cFrom + k, protocol: parsed.protocol, http, ...(publish !== undefined ? { publish } : {}), ...bound }, keyPath, line);
    }
  }

  private add(port: PortPlan, keyPath: string, line: number): void {
    const ctx = this.ctx;
    if (port.containerPort < 1 || port.containerPort > 65535 || (typeof port.publish === 'number' && (port.publish < 1 || port.publish > 65535))) {
      fail(ctx, keyPath, line, `port must be from 1 to 65535 (got ${port.containerPort}${typeof port.publish === 'number' ? ` published on ${port.publish}` : ''})`);
    }
    const index = this.ports.findIndex((p) => p.containerPort === port.containerPort && p.protocol === port.protocol);
    const own = `${port.containerPort}/${port.protocol}`;
    if (typeof port.publish === 'number' && this.ports.some((p) => p.publish === port.publish && p.protocol === port.protocol)) {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, keyPath, line),
        `host port ${port.publish}/${port.protocol} is already published: this mapping is left out.`,
      );
      return;
    }
    if (index < 0) {
      this.ports.push(port);
      return;
    }
    const existing = this.ports[index];
    if (existing.publish === undefined) {
      this.ports[index] = { ...port, http: port.http || existing.http };
      return;
    }
    if (port.publish === undefined) return;
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, keyPath, line),
      `port ${own} is already published${typeof existing.publish === 'number' ? ` on ${existing.publish}` : ''}: a port is published once in the model, so this mapping is left out.`,
    );
  }
}

/** Marks the tcp port an http health check probes as an HTTP port. */
export function markHttpPort(ports: PortPlan[], port: number): boolean {
  const i = ports.findIndex((p) => p.containerPort === port && p.protocol === 'tcp');
  if (i < 0 || ports[i].http) return false;
  ports[i] = { ...ports[i], http: true };
  return true;
}

