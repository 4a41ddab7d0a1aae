import type { ContainerSpec, WorkloadSpec } from '../../model/spec';
import { compact, type StackMap } from './document';
import { gpuGenericResources } from './gpus';
import { resourcesKey } from './resources';
import { restartPolicyKey } from './restart';
import { deployLabelsKey } from '../docker-engine/service-labels';
import type { SwarmScope } from './scope';

/**
 * How a service's tasks are replaced on an update, and on a rollback: one at a time, rolled back when a new task
 * fails. A new task starts before the old one stops, unless the two would share what only one may hold: a
 * persistent volume (a database's files) or a port of the node itself (host networking). Then the old one stops
 * first, so an update never waits on a lock the old task keeps.
 */
function updateOrder(workload: WorkloadSpec): 'start-first' | 'stop-first' {
  const containers = [workload.main, ...workload.sidecars];
  const holdsVolume = containers.some((c) => c.mounts.some((m) => m.kind === 'volume'));
  const holdsPort = workload.hostNetwork && workload.main.ports.length > 0;
  return holdsVolume || holdsPort ? 'stop-first' : 'start-first';
}

/**
 * `deploy` of one container of a workload, with the service labels on the main one: a service is `replicated` with its replicas, or `global` (one
 * task per node), and its update and rollback order; a job is a `replicated-job`, which runs to completion once when the stack is deployed.
 */
export function deployKey(scope: SwarmScope, workload: WorkloadSpec, container: ContainerSpec): StackMap {
  const common = { resources: resourcesKey(scope, container, container === workload.main ? gpuGenericResources(workload) : undefined), restart_policy: restartPolicyKey(workload), labels: deployLabelsKey(workload, container) };
  if (workload.kind === 'job') return compact({ mode: 'replicated-job', ...common });
  const order = updateOrder(workload);
  return compact({
    ...(workload.global ? { mode: 'global' } : { mode: 'replicated', replicas: workload.replicas }),
    ...common,
    update_config: { parallelism: 1, order, failure_action: 'rollback' },
    rollback_config: { parallelism: 1, order },
  });
}
