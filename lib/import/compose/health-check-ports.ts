import type { HealthPlan } from './plan';

/** Loopback names a check uses to reach its own container. */
const LOOPBACK = ['localhost', '127\\.0\\.0\\.1', '0\\.0\\.0\\.0', '\\[::1\\]'];

/**
 * The ports a service's own health check reaches it on: `http://localhost:8123/`, `vector:9001` (its own name),
 * `/dev/tcp/127.0.0.1/9000`, `nc -z localhost 9092`. The service listens there, so others can reach it there too.
 */
export function healthCheckPorts(health: HealthPlan | undefined, ownNames: readonly string[]): number[] {
  if (!health) return [];
  if (health.kind === 'http' || health.kind === 'tcp') return [health.port];
  const text = health.kind === 'shell' ? health.commandLine : health.command.join(' ');
  const hosts = [...LOOPBACK, ...ownNames.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))].join('|');
  const patterns = [
    new RegExp(`(?:^|[^A-Za-z0-9_.-])(?:${hosts}):(\\d{1,5})(?![0-9])`, 'g'),
    new RegExp(`/dev/(?:tcp|udp)/(?:${hosts})/(\\d{1,5})(?![0-9])`, 'g'),
    new RegExp(`\\bnc\\b[^|;&]*?\\s(?:${hosts})\\s+(\\d{1,5})(?![0-9])`, 'g'),
  ];
  const ports = patterns.flatMap((p) => [...text.matchAll(p)].map((m) => Number(m[1])));
  return [...new Set(ports)].filter((p) => p >= 1 && p <= 65535).sort((a, b) => a - b);
}
