import type { ContainerSpec } from '../../model/spec';
import type { Findings } from './diagnostics';
import type { ResourceQuantities } from './overrides';
import { cpuQuantity, cpuSharesQuantity, memoryQuantity, Quantity } from './quantities';

/**
 * Docker's resource flags as Kubernetes requests and limits: `--memory` -> limits.memory,
 * `--memory-reservation` -> requests.memory, `--cpu-shares` -> requests.cpu (shares/1024 CPU), `--cpus` ->
 * limits.cpu. Nothing set, nothing written.
 */
export function containerResources(c: ContainerSpec, findings: Findings): ResourceQuantities {
  const r = c.resources;
  const path = `${c.path} resources`;
  const limits: Record<string, string> = {};
  const requests: Record<string, string> = {};
  const note = (q: Quantity, what: string, value: string) => {
    if (q.rounded) findings.add('kubernetes/quantity-rounded', path, `${what} ${value} is written as ${q.text}`);
    return q.text;
  };
  let cpuRequest = r.cpuShares !== undefined ? (r.cpuShares * 1000) / 1024 : undefined;
  let memoryRequest = r.memoryReservationBytes;
  if (cpuRequest !== undefined && r.cpuMillis !== undefined && cpuRequest > r.cpuMillis) {
    findings.add(
      'kubernetes/request-above-limit',
      path,
      `cpuShares ${r.cpuShares} (${cpuSharesQuantity(r.cpuShares!).text} CPU) is more than cpus (${cpuQuantity(r.cpuMillis).text}): requests.cpu is lowered to the limit`,
      'Lower cpuShares to at most cpus x 1024.',
    );
    cpuRequest = r.cpuMillis;
  }
  if (memoryRequest !== undefined && r.memoryBytes !== undefined && memoryRequest > r.memoryBytes) {
    findings.add(
      'kubernetes/request-above-limit',
      path,
      `memoryReservation (${memoryQuantity(memoryRequest).text}) is more than memory (${memoryQuantity(r.memoryBytes).text}): requests.memory is lowered to the limit`,
      'Lower memoryReservation to at most memory.',
    );
    memoryRequest = r.memoryBytes;
  }
  if (r.cpuMillis !== undefined) limits.cpu = note(cpuQuantity(r.cpuMillis), 'cpus', `${r.cpuMillis / 1000}`);
  if (r.memoryBytes !== undefined) limits.memory = note(memoryQuantity(r.memoryBytes), 'memory', `${r.memoryBytes} bytes`);
  if (cpuRequest !== undefined) requests.cpu = note(cpuQuantity(cpuRequest), 'cpuShares', `${r.cpuShares}`);
  if (memoryRequest !== undefined) requests.memory = note(memoryQuantity(memoryRequest), 'memoryReservation', `${memoryRequest} bytes`);
  return {
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
    ...(Object.keys(requests).length > 0 ? { requests } : {}),
  };
}
