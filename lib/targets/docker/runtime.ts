import { deviceText } from '../../model/devices';
import type { WorkloadSpec } from '../../model/spec';
import { platformText } from '../docker-engine/runtime';
import { ulimitText } from '../docker-engine/ulimits';
import { gpusFlag } from './gpus';
import type { Word } from './shell';

/** `--hostname`, `--stop-signal`, `--stop-timeout`, `--platform`, `-t`, `--init`, `-i`, `--sysctl`, `--add-host`, `--ulimit`, `--device`, `--gpus`, `--pid`, `--dns`, `--dns-search` and `--dns-option` of a workload's main container. */
export function runtimeFlags(workload: WorkloadSpec): Word[][] {
  const platform = platformText(workload);
  return [
    ...(workload.hostname !== undefined ? [['--hostname', workload.hostname]] : []),
    ...(workload.stop?.signal !== undefined ? [['--stop-signal', workload.stop.signal]] : []),
    ...(workload.stop?.gracePeriodSeconds !== undefined ? [['--stop-timeout', String(workload.stop.gracePeriodSeconds)]] : []),
    ...(platform !== undefined ? [['--platform', platform]] : []),
    ...(workload.tty ? [['-t']] : []),
    ...(workload.init ? [['--init']] : []),
    ...(workload.stdinOpen ? [['-i']] : []),
    ...Object.entries(workload.sysctls ?? {}).map(([k, v]) => ['--sysctl', `${k}=${v}`]),
    ...Object.entries(workload.extraHosts ?? {}).map(([host, address]) => ['--add-host', `${host}:${address}`]),
    ...Object.entries(workload.ulimits ?? {}).map(([name, limit]) => ['--ulimit', `${name}=${ulimitText(limit)}`]),
    ...(workload.devices ?? []).map((d) => ['--device', deviceText(d)]),
    ...(workload.gpus ? [['--gpus', gpusFlag(workload.gpus)]] : []),
    ...(workload.hostPid ? [['--pid', 'host']] : []),
    ...(workload.dns?.servers ?? []).map((server) => ['--dns', server]),
    ...(workload.dns?.search ?? []).map((domain) => ['--dns-search', domain]),
    ...(workload.dns?.options ?? []).map((option) => ['--dns-option', option]),
  ];
}
