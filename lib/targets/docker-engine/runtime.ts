import type { WorkloadSpec } from '../../model/spec';
import type { EngineMap } from './document';
import { ulimitsKey } from './ulimits';

/**
 * The keys of a Compose or stack file that say how a workload's container runs on its host: `hostname`,
 * `tty`, `init`, `stdin_open`, `sysctls`, `extra_hosts`, `ulimits`, `dns`, `dns_search`, `dns_opt`, `stop_signal`, `stop_grace_period`. The container's name and platform differ between the two files.
 */
export function runtimeKeys(workload: WorkloadSpec): EngineMap {
  const stop = workload.stop;
  return {
    hostname: workload.hostname,
    tty: workload.tty,
    init: workload.init,
    stdin_open: workload.stdinOpen,
    sysctls: workload.sysctls ? { ...workload.sysctls } : undefined,
    ulimits: ulimitsKey(workload),
    dns: workload.dns?.servers ? [...workload.dns.servers] : undefined,
    dns_search: workload.dns?.search ? [...workload.dns.search] : undefined,
    dns_opt: workload.dns?.options ? [...workload.dns.options] : undefined,
    extra_hosts: workload.extraHosts ? Object.entries(workload.extraHosts).map(([host, address]) => `${host}:${address}`) : undefined,
    stop_signal: stop?.signal,
    stop_grace_period: stop?.gracePeriodSeconds !== undefined ? `${stop.gracePeriodSeconds}s` : undefined,
  };
}

/** The platform as Docker writes it: `linux/amd64`. */
export function platformText(workload: WorkloadSpec): string | undefined {
  return workload.platform ? `${workload.platform.os}/${workload.platform.architecture}` : undefined;
}
