import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { WorkloadSpec } from '../../model/spec';
import { ulimitText } from '../docker-engine/ulimits';
import type { EcsReporter } from './codes';

/**
 * The main container's `ulimits`. Fargate sets only `nofile` (up to 1048576); any other limit there is reported and
 * left out, and the operating system's default applies.
 */
export function ulimitsOf(w: WorkloadSpec, fargate: boolean, d: EcsReporter): ecs.CfnTaskDefinition.UlimitProperty[] | undefined {
  if (!w.ulimits) return undefined;
  const out: ecs.CfnTaskDefinition.UlimitProperty[] = [];
  for (const [name, limit] of Object.entries(w.ulimits)) {
    if (fargate && name !== 'nofile') {
      d.report(
        'ecs/ulimits-fargate',
        `${w.path} ulimits.${name}`,
        `Fargate sets only the nofile limit: ${w.name} runs with the default ${name} limit, not ${ulimitText(limit)}`,
        `Set targetOptions.ecs.launchType 'ec2' to set ${name}.`,
      );
      continue;
    }
    out.push({ name, softLimit: limit.soft, hardLimit: limit.hard });
  }
  return out.length > 0 ? out : undefined;
}
