import type { PortSpec, WorkloadSpec } from '../model/spec';

/**
 * A published port as a reviewer reads it: `8080 -> 80/tcp`, or `* -> 1234/udp` for a host port the platform picks;
 * `127.0.0.1:5432 -> 5432/tcp` when bound to one host address, `8000 -> 8000/tcp from 10.0.0.0/8` for some sources.
 */
export function publishLabel(port: PortSpec): string {
  const host = port.publish === 'fixed' ? String(port.hostPort) : '*';
  const bound = port.hostIp === undefined ? '' : port.hostIp.includes(':') ? `[${port.hostIp}]:` : `${port.hostIp}:`;
  const from = port.from === undefined ? '' : ` from ${port.from.join(', ')}`;
  return `${bound}${host} -> ${port.containerPort}/${port.protocol}${from}`;
}

/**
 * What runs and how many: `service, 2 replicas`, `service, 2 to 6 replicas` (autoscaled), `service, one per node`
 * (global), `job, runs once`, `job, cron 0 3 * * *`.
 */
export function runLabel(w: WorkloadSpec): string {
  if (w.kind === 'service' && w.global) return 'service, one per node';
  if (w.kind === 'service' && w.autoscale) return `service, ${w.autoscale.min} to ${w.autoscale.max} replicas`;
  if (w.kind === 'service') return `service, ${w.replicas} ${w.replicas === 1 ? 'replica' : 'replicas'}`;
  return w.schedule === undefined ? 'job, runs once' : `job, cron ${w.schedule}`;
}

const BINARY_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['Ti', 1024 ** 4],
  ['Gi', 1024 ** 3],
  ['Mi', 1024 ** 2],
  ['Ki', 1024],
];

/** A size in bytes in Kubernetes' binary notation where it divides evenly (`10Gi`), else in bytes. */
export function sizeLabel(bytes: number): string {
  for (const [unit, factor] of BINARY_UNITS) if (bytes % factor === 0) return `${bytes / factor}${unit}`;
  return `${bytes} bytes`;
}
