import type { SidecarSpec, WorkloadSpec } from '../../model/spec';
import { propPath } from '../docker-engine/prop-path';
import { sidecarServiceName } from '../docker-engine/services';
import { containerKeys } from './container';
import { deployKeys } from './deploy';
import { compact, type ComposeMap } from './document';
import type { ComposeScope } from './scope';

/**
 * A sidecar as its own service in the main service's network namespace (`network_mode: service:<main>`), with
 * the main service's volumes where it asks for them (`volumes_from`). It has no ports: it shares the main one's.
 */
export function sidecarService(scope: ComposeScope, workload: WorkloadSpec, sidecar: SidecarSpec): ComposeMap {
  scope.reporter.report(
    'compose/sidecar-stack',
    sidecar.path,
    `${sidecarServiceName(workload, sidecar)} joins ${workload.name} through network_mode and volumes_from, which work with \`docker compose up\` only: a swarm ignores them.`,
    'Deploy this file with `docker compose up`; for a swarm, use `lading synth --target swarm`, or a target that runs the containers together (Kubernetes, ECS).',
  );
  if (workload.kind === 'service' && workload.replicas > 1) {
    scope.reporter.report(
      'compose/sidecar-replicas',
      propPath(workload.path, 'replicas'),
      `each of the ${workload.replicas} replicas of ${sidecarServiceName(workload, sidecar)} joins the first container of ${workload.name}, not one replica each.`,
      'Run one replica of a service with sidecars on Compose.',
    );
  }
  return compact({
    ...containerKeys(scope, sidecar, workload.main),
    ...deployKeys(workload, sidecar),
    network_mode: `service:${workload.name}`,
    volumes_from: sidecar.volumesFrom ? [workload.name] : undefined,
  });
}
