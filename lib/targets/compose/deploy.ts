import type { ContainerSpec, WorkloadSpec } from '../../model/spec';
import { placementKey } from '../docker-engine/placement';
import { restartFlag } from '../docker-engine/restart';
import { deployLabelsKey } from '../docker-engine/service-labels';
import { compact, isEmpty, type ComposeMap } from './document';
import { cpuSharesKey, deployResources } from './resources';
import { restartPolicy } from './restart';

/**
 * `restart`, `cpu_shares`, `pids_limit` (the service-level key, which docker-compose 1.x reads too) and `deploy` (replicas, resources, restart policy, service labels, and the placement `docker stack deploy` reads from the same file) of one container of a workload, as
 * `docker compose up` reads them. A job has no replicas: it runs once. A global service is `mode: global`, which
 * `docker compose up` runs as one container on its one host.
 */
export function deployKeys(workload: WorkloadSpec, container: ContainerSpec): ComposeMap {
  const deploy = compact({
    mode: workload.kind === 'service' && workload.global ? 'global' : undefined,
    replicas: workload.kind === 'service' && !workload.global ? workload.replicas : undefined,
    resources: deployResources(container.resources, container === workload.main ? workload.gpus : undefined),
    restart_policy: restartPolicy(workload.restart),
    placement: placementKey(workload),
    labels: deployLabelsKey(workload, container),
  });
  return compact({
    restart: restartFlag(workload.restart),
    cpu_shares: cpuSharesKey(container.resources),
    pids_limit: container.resources.pidsLimit,
    deploy: isEmpty(deploy) ? undefined : deploy,
  });
}
