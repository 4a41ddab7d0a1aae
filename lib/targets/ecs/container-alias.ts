import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { ServiceSpec } from '../../model/spec';
import type { EcsReporter } from './codes';

/**
 * A fixed container name, which a task cannot give its container: Service Connect answers to it as a second
 * client alias of every tcp port, so other services still reach the service by that name.
 */
export function addContainerAlias(service: ecs.BaseService, s: ServiceSpec, connected: boolean, d: EcsReporter): void {
  const name = s.containerName;
  if (name === undefined || name === s.name || !connected) return;
  const tcp = s.main.ports.filter((p) => p.protocol === 'tcp');
  if (tcp.length === 0) return;
  const cfn = service.node.defaultChild as ecs.CfnService;
  tcp.forEach((p, i) => {
    cfn.addPropertyOverride(`ServiceConnectConfiguration.Services.${i}.ClientAliases`, [
      { DnsName: s.name, Port: p.containerPort },
      { DnsName: name, Port: p.containerPort },
    ]);
  });
  d.report(
    'ecs/container-alias',
    `${s.path} containerName`,
    `ECS names the containers of a task itself: ${name} is a second Service Connect name of ${s.name}, so other services still reach it by that name`,
  );
}
