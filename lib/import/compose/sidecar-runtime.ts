import { at, entry, type ImportContext } from './context';
import type { RuntimePlan } from './plan';
import type { ConvertedService } from './workload';

/**
 * Settings the model holds once per workload. The first ones a sidecar shares with its main service in Docker too
 * (its network namespace: host name, /etc/hosts, DNS; and what the pod decides: kernel parameters, platform, the
 * host's process namespace, the mode); the others belong to each Docker container, but the model gives them to the
 * main container only.
 */
const SHARED: ReadonlyArray<[keyof RuntimePlan, string, string]> = [
  ['hostname', 'hostname', 'the host name'],
  ['extraHosts', 'extra_hosts', 'the /etc/hosts lines'],
  ['dns', 'dns', 'the DNS servers'],
  ['dnsSearch', 'dns_search', 'the DNS search domains'],
  ['dnsOptions', 'dns_opt', 'the resolver options'],
  ['sysctls', 'sysctls', 'the kernel parameters'],
  ['platform', 'platform', 'the platform'],
  ['hostPid', 'pid', 'the process namespace'],
];
const MAIN_ONLY: ReadonlyArray<[keyof RuntimePlan, string, string]> = [
  ['containerName', 'container_name', 'a fixed container name'],
  ['init', 'init', 'an init process'],
  ['ulimits', 'ulimits', 'resource limits (ulimits)'],
  ['devices', 'devices', 'host devices'],
  ['gpus', 'gpus', 'GPUs'],
  ['tty', 'tty', 'a terminal'],
  ['stdinOpen', 'stdin_open', 'an open stdin'],
  ['stop', 'stop_signal', 'a stop signal and grace period'],
];

/**
 * Reports what a sidecar's own runtime settings (`init`, `ulimits`, `devices`, `dns`, `extra_hosts`, `pid`, a
 * global `deploy.mode`, ...) become: none is kept, as the workload's settings are those of its main service.
 */
export function reportSidecarRuntime(ctx: ImportContext, sidecar: ConvertedService, main: ConvertedService): void {
  const { composeName, keyPath, map } = sidecar.input;
  const mainName = main.input.composeName;
  const line = (key: string): number => entry(map, key)?.line ?? map.line;
  for (const [field, key, what] of SHARED) {
    if (sidecar.runtime[field] === undefined) continue;
    ctx.reporter.report('import/sidecar-key', at(ctx, `${keyPath}.${key}`, line(key)), `a sidecar shares ${what} of ${mainName}: its own is left out.`);
  }
  if (sidecar.deploy.global && !main.deploy.global) {
    ctx.reporter.report(
      'import/sidecar-key',
      at(ctx, sidecar.deploy.global.keyPath, sidecar.deploy.global.line),
      `a sidecar shares the replicas of ${mainName}: its own mode global is left out, and it runs where ${mainName} runs.`,
    );
  }
  for (const [field, key, what] of MAIN_ONLY) {
    if (sidecar.runtime[field] === undefined) continue;
    const where = entry(map, key) ? key : key === 'stop_signal' ? 'stop_grace_period' : key === 'gpus' ? 'deploy' : key;
    ctx.reporter.report(
      'import/sidecar-key',
      at(ctx, `${keyPath}.${where}`, line(where)),
      `the model gives ${what} to the main container of a workload only: ${composeName}, a sidecar of ${mainName}, runs without its own.`,
      `Set it on ${mainName} if the container that needs it is ${mainName}, or run ${composeName} as a service of its own, without network_mode: service:${mainName}.`,
    );
  }
}
