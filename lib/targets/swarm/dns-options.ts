import type { WorkloadSpec } from '../../model/spec';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';

/**
 * Resolver options, which a stack file cannot carry: the stack loader refuses `dns_opt`, though a service can
 * have them (`docker service update --dns-option-add`).
 */
export function reportDnsOptions(scope: SwarmScope, workload: WorkloadSpec): void {
  const options = workload.dns?.options;
  if (!options) return;
  scope.reporter.report(
    'swarm/dns-options',
    propPath(workload.path, 'dns.options'),
    `a stack file has no dns_opt: ${workload.name} resolves without ${options.join(', ')}.`,
    `Run \`docker service update ${options.map((o) => `--dns-option-add ${o}`).join(' ')} ${scope.spec.name}_${workload.name}\` after each \`docker stack deploy\`.`,
  );
}
