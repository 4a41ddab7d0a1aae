import type { ContainerSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { EC2_FIX } from './launch-type';

/**
 * `--security-opt no-new-privileges` on ECS: the container definition's `dockerSecurityOptions` on the EC2 launch
 * type (in every network mode). Fargate takes no Docker security options: there it is an info that names the
 * EC2 option, as on Swarm.
 */
export function checkNoNewPrivileges(spec: SystemSpec, c: ContainerSpec, d: EcsReporter): void {
  if (!c.security.noNewPrivileges || spec.options.ecs.launchType !== 'fargate') return;
  d.report(
    'ecs/no-new-privileges-fargate',
    `${c.path} security.noNewPrivileges`,
    `Fargate cannot forbid new privileges to ${c.name}: its task definitions take no Docker security options, so setuid programs in the image can still gain privileges (got true).`,
    `${EC2_FIX} to keep no-new-privileges, or drop the capabilities the image does not need (security.capabilities.drop: ['ALL']).`,
  );
}

/** The container's Docker security options: no-new-privileges where the launch type carries it (EC2, not Fargate). */
export function dockerSecurityOptionsOf(c: ContainerSpec, launchType: SystemSpec['options']['ecs']['launchType']): string[] | undefined {
  return c.security.noNewPrivileges && launchType === 'ec2' ? ['no-new-privileges'] : undefined;
}
