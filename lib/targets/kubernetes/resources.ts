import type { ContainerSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import type { ResourceQuantities } from './overrides';
import { cpuQuantity, cpuSharesQuantity, memoryQuantity, Quantity } from './quantities';

/**
 * Docker's resource flags as Kubernetes requests and limits: `--memory` -> limits.memory,
 * `--memory-reservation` -> requests.memory, `--cpu-shares` -> requests.cpu (shares/1024 CPU), `--cpus` ->
 * limits.cpu. Nothing set, nothing written. The model refuses a memory reservation above the limit and keeps
 * cpus to whole millicores; CPU shares may ask for more than cpus allows, which Kubernetes would reject.
 */
export function containerResources(c: ContainerSpec, reporter: KubernetesReporter): ResourceQuantities {
  const r = c.resources;
  const path = `${c.path} resources`;
  const limits: Record<string, string> = {};
  const requests: Record<string, string> = {};
  const note = (q: Quantity, what: string, value: string) => {
    if (q.rounded) reporter.report('kubernetes/quantity-rounded', path, `${what} ${value} is written as ${q.text}`);
    return q.text;
  };
  let cpuRequest = r.cpuShares !== undefined ? (r.cpuShares * 1000) / 1024 : undefined;
  if (cpuRequest !== undefined && r.cpuMillis !== undefined && cpuRequest > r.cpuMillis) {
    reporter.report(
      'kubernetes/request-above-limit',
      path,
      `cpuShares ${r.cpuShares} (${cpuSharesQuantity(r.cpuShares!).text} CPU) is more than cpus (${cpuQuantity(r.cpuMillis).text}): requests.cpu is lowered to the limit`,
      'Lower cpuShares to at most cpus x 1024.',
    );
    cpuRequest = r.cpuMillis;
  }
  if (r.cpuMillis !== undefined) limits.cpu = cpuQuantity(r.cpuMillis).text;
  if (r.memoryBytes !== undefined) limits.memory = note(memoryQuantity(r.memoryBytes), 'memory', `${r.memoryBytes} bytes`);
  if (cpuRequest !== undefined) requests.cpu = note(cpuQuantity(cpuRequest), 'cpuShares', `${r.cpuShares}`);
  if (r.memoryReservationBytes !== undefined) {
    requests.memory = note(memoryQuantity(r.memoryReservationBytes), 'memoryReservation', `${r.memoryReservationBytes} bytes`);
  }
  return {
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
    ...(Object.keys(requests).length > 0 ? { requests } : {}),
  };
}
