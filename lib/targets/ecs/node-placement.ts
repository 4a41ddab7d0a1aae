import * as ecs from 'aws-cdk-lib/aws-ecs';
import { shellQuote } from '../../docker-notation/health-probes';
import type { PlacementConstraintSpec, ServiceSpec, WorkloadSpec } from '../../model/spec';
import { constraintText } from '../docker-engine/placement';
import { attributeArgument, attributeNameProblem } from './cluster-query';
import type { EcsReporter } from './codes';
import { EC2_FIX } from './launch-type';
import type { BuiltService } from './services';

/** ECS's names of a container instance's CPU architecture (`ecs.cpu-architecture`). */
const ECS_ARCH: Readonly<Record<string, string>> = { amd64: 'x86_64', arm64: 'arm64' };

/**
 * A rule in the cluster query language; or why ECS cannot express it: left out (`dropped`), or, for a node label
 * no container instance can carry, refused (`refused`), since leaving it out would place the tasks anywhere.
 */
function expressionOf(w: WorkloadSpec, c: PlacementConstraintSpec): { expression?: string; dropped?: string; refused?: string } {
  const text = constraintText(c);
  switch (c.kind) {
    case 'node-label': {
      const { argument, why } = attributeArgument(c.value);
      const refused = attributeNameProblem(c.label!) ?? why;
      return refused !== undefined ? { refused } : { expression: `attribute:${c.label} ${c.operator} ${argument}` };
    }
    case 'os':
      return { expression: `attribute:ecs.os-type ${c.operator} ${c.value}` };
    case 'arch':
      return { expression: `attribute:ecs.cpu-architecture ${c.operator} ${ECS_ARCH[c.value]}` };
    case 'role':
      // every container instance runs tasks: a worker is any of them, and there is no manager
      return (c.value === 'worker') === (c.operator === '==') ? {} : { dropped: `an ECS cluster has no manager nodes: ${text} is left out, and ${w.name} runs on any container instance` };
    default:
      return { dropped: `a container instance has no ${c.kind === 'hostname' ? 'host name attribute' : c.kind === 'node-id' ? 'Swarm node id' : 'Docker engine label'}: ${text} is left out, and ${w.name} runs on any container instance` };
  }
}

/**
 * The rules of a workload's placement on its task definition, which every task of it obeys, service or job: on EC2,
 * `memberOf` constraints in the cluster query language (a node label is a custom attribute of the container
 * instances, which they must carry); on Fargate, which chooses the host itself, only the architecture, as the
 * task's runtime platform (the platform, where set, already says it), and every other rule is reported.
 */
export function applyTaskPlacement(constraints: ecs.CfnTaskDefinition.TaskDefinitionPlacementConstraintProperty[], w: WorkloadSpec, fargate: boolean, d: EcsReporter): void {
  const p = w.placement;
  if (!p) return;
  p.constraints.forEach((c, i) => {
    const path = `${w.path} placement.constraints[${i}]`;
    if (fargate) {
      if (c.kind === 'arch' || (c.kind === 'os' && (c.value === 'linux') === (c.operator === '=='))) return;
      d.report('ecs/placement', path, `Fargate chooses the host of each task: ${constraintText(c)} is left out, and ${w.name} runs on any Fargate capacity`, `${EC2_FIX}, with container instances that meet the rule.`);
      return;
    }
    const { expression, dropped, refused } = expressionOf(w, c);
    if (refused) {
      d.report(
        'ecs/placement-value',
        path,
        `${constraintText(c)} cannot be a cluster query of ${w.name}: ${refused}`,
        'Label the nodes with a name of letters, digits and - _ / . and a value of letters, digits, spaces and - _ . @ / :, and write that label in Placement.nodeLabel.',
      );
    }
    if (dropped) {
      d.report('ecs/placement', path, dropped, `Give the container instances ${w.name} must run on a custom attribute (ECS_INSTANCE_ATTRIBUTES in /etc/ecs/ecs.config, or \`aws ecs put-attributes\`) and write Placement.nodeLabel(attribute, value).`);
    }
    if (!expression) return;
    constraints.push({ type: 'memberOf', expression });
    if (c.kind === 'node-label' && c.operator === '==') {
      const attributes = `name=${c.label},value=${c.value},targetType=container-instance,targetId=<instance ARN>`;
      d.report(
        'ecs/placement-attribute',
        path,
        `a task of ${w.name} is placed only on a container instance with the custom attribute ${c.label}=${c.value}: the instances lading adds carry none, so no task is placed until some do`,
        `Add "${c.label}":"${c.value}" to ECS_INSTANCE_ATTRIBUTES in /etc/ecs/ecs.config of those instances, or run \`aws ecs put-attributes --attributes ${c.value.includes(' ') ? shellQuote(attributes) : attributes}\`.`,
      );
    }
  });
  if (fargate) {
    p.spread.forEach((label, i) => {
      d.report('ecs/placement', `${w.path} placement.spread[${i}]`, `Fargate spreads tasks over Availability Zones itself: the spread of ${w.name} over node label ${label} is left out`, `${EC2_FIX}, with container instances that carry the attribute ${label}.`);
    });
  }
}

/** The architecture a Fargate task asks for through its placement, where the rules name one. */
export function placementArchitecture(w: WorkloadSpec): 'amd64' | 'arm64' | undefined {
  const arch = w.placement?.constraints.find((c) => c.kind === 'arch');
  if (!arch) return undefined;
  const named = arch.value as 'amd64' | 'arm64';
  return arch.operator === '==' ? named : named === 'amd64' ? 'arm64' : 'amd64';
}

/**
 * What only a service on EC2 says about its tasks together: a spread placement strategy on each label's attribute,
 * and at most one task per container instance (`distinctInstance`). On Fargate every task has a host of its own; a
 * daemon service (a global one) runs one task on each instance already.
 */
export function applyServicePlacement(service: BuiltService, s: ServiceSpec, d: EcsReporter): void {
  const p = s.placement;
  if (!p || service.resource.launchType !== 'EC2' || s.global) return;
  const strategies: ecs.CfnService.PlacementStrategyProperty[] = [];
  p.spread.forEach((label, i) => {
    const refused = attributeNameProblem(label);
    if (refused) d.report('ecs/placement-value', `${s.path} placement.spread[${i}]`, `the spread of ${s.name} over node label ${label} cannot be a placement strategy: ${refused}`, 'Label the nodes with a name of at most 128 letters, digits and - _ / . and spread over that label.');
    else strategies.push({ type: 'spread', field: `attribute:${label}` });
  });
  if (strategies.length > 0) service.resource.placementStrategies = strategies;
  if (p.maxReplicasPerNode === 1) service.resource.placementConstraints = [{ type: 'distinctInstance' }];
  else if (p.maxReplicasPerNode !== undefined) {
    d.report(
      'ecs/max-replicas-per-node',
      `${s.path} placement.maxReplicasPerNode`,
      `ECS caps the tasks per container instance at 1 only (distinctInstance): one instance may run more than ${p.maxReplicasPerNode} tasks of ${s.name}`,
      'Write maxReplicasPerNode: 1, or leave it out.',
    );
  }
}
