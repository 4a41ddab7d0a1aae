import { CfnResource, FeatureFlags, Stack, Validations } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { IAM_MINIMIZE_POLICIES } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import { IdentityPolicy } from './identity-policy';

/**
 * Findings of cdk-nag's AwsSolutions pack that a system's stacks keep on purpose, each acknowledged with a reason a
 * reviewer can read. Acknowledged as cdk-nag 3 reads them (aws-cdk-lib's `Validations.of(x).acknowledge`), and
 * written into the template as cdk-nag's own suppression metadata (`Metadata.cdk_nag.rules_to_suppress`), so that
 * the generated stack says what it accepts and why, whoever reads it.
 */

/**
 * Acknowledges one rule (`AwsSolutions-ECS4`, or one finding `AwsSolutions-IAM5[Resource::*]`) on a construct.
 * aws-cdk-lib records a stack trace beside each acknowledgement, whatever the App's `stackTraces`; lading keeps no
 * trace (its Apps say `stackTraces: false`, and readAssembly drops every trace), so none is captured: capturing one
 * costs more than the acknowledgement itself.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    Validations.of(scope).acknowledge({ id, reason });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Acknowledges the plain environment variables of a task definition's containers: what its builder gave them, the
 * model's `env` or the files a container receives (task-definitions.ts, files.ts).
 */
export function acknowledgePlainEnv(task: ecs.CfnTaskDefinition): void {
  acknowledge(
    task,
    'AwsSolutions-ECS2',
    'Environment variables are the model’s env (docker run -e), which holds no secrets by contract: secret values are secretEnv, injected from Secrets Manager, and lading’s lint flags secret-looking env literals.',
  );
}

/**
 * Actions of the roles aws-cdk-lib gives ECS (the task execution role, the container-instance role) that AWS scopes
 * to no resource, or that the ECS agent needs as a family (`ecs:Submit*`): the actions of the AWS-managed
 * AmazonECSTaskExecutionRolePolicy and AmazonEC2ContainerServiceforEC2Role.
 */
const ECS_AGENT_ACTIONS = new Set([
  'ecr:GetAuthorizationToken',
  'ecs:DeregisterContainerInstance',
  'ecs:DiscoverPollEndpoint',
  'ecs:Poll',
  'ecs:RegisterContainerInstance',
  'ecs:StartTelemetrySession',
  'ecs:Submit*',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
]);

const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

/**
 * Acknowledges what the model itself asks for, found on the stack's resources: a published port open to every
 * address, generated secrets without rotation, the fixed-size Auto Scaling group of EC2 capacity, and the wildcards
 * of the ECS agent's roles (plain `env` is acknowledged where the task definition is built, acknowledgePlainEnv).
 * Each is written into the template with the acknowledgements made before (writeAcknowledgements), in one walk of
 * the stack.
 */
export function acknowledgeModelChoices(stack: Stack): void {
  writeAcknowledgements(stack, (c) => acknowledgeModelChoice(stack, c));
}

/** What the model asks for on one construct (see acknowledgeModelChoices). */
function acknowledgeModelChoice(stack: Stack, c: IConstruct): void {
  if (c instanceof ec2.CfnSecurityGroup && opensToAnywhere(stack, c)) {
    acknowledge(
      c,
      'AwsSolutions-EC23',
      'A published port (Port...publish(), docker run -p) is open to every address, as Docker publishes it; the group admits only the listener ports, and the services admit only the load balancer.',
    );
  } else if (c instanceof secretsmanager.CfnSecret) {
    acknowledge(
      c,
      'AwsSolutions-SMG4',
      'The secret is read by the containers at start; rotating it needs a rotation function that also changes the value where it is checked (a database user, an API), which only its owner can write.',
    );
  } else if (isAutoScalingGroup(c)) {
    acknowledge(
      c,
      'AwsSolutions-AS3',
      'The EC2 capacity has a fixed size (min = max, the instances lading sizes for the tasks; no scaling policy); ECS reports its tasks’ placement in the cluster’s service events.',
    );
  } else if (c instanceof iam.CfnPolicy) {
    for (const finding of agentWildcards(stack, c)) {
      acknowledge(
        c,
        `AwsSolutions-IAM5[${finding}]`,
        'aws-cdk-lib’s default ECS role: the ECS agent’s and image pull actions (ecr:GetAuthorizationToken, ecs:DiscoverPollEndpoint, ecs:Submit* ...) take no narrower resource, as in the AWS-managed ECS roles.',
      );
    }
  }
}

/**
 * Whether a construct is the L1 of an Auto Scaling group, checked by its resource type first: a system without EC2
 * capacity does not load aws-cdk-lib's Auto Scaling resources only to find none.
 */
function isAutoScalingGroup(c: IConstruct): c is autoscaling.CfnAutoScalingGroup {
  return CfnResource.isCfnResource(c) && c.cfnResourceType === 'AWS::AutoScaling::AutoScalingGroup' && c instanceof autoscaling.CfnAutoScalingGroup;
}

function opensToAnywhere(stack: Stack, group: ec2.CfnSecurityGroup): boolean {
  const rules = stack.resolve(group.securityGroupIngress) as { cidrIp?: string; cidrIpv6?: string; CidrIp?: string; CidrIpv6?: string }[] | undefined;
  return (rules ?? []).some((r) => [r.cidrIp, r.cidrIpv6, r.CidrIp, r.CidrIpv6].some((cidr) => cidr !== undefined && ANYWHERE.has(cidr)));
}

/** cdk-nag's finding ids for the wildcards of statements made only of ECS agent actions. */
function agentWildcards(stack: Stack, policy: iam.CfnPolicy): string[] {
  const findings = new Set<string>();
  for (const statement of statementsOf(stack, policy)) {
    const actions = ([] as string[]).concat(statement.Action ?? []);
    if (actions.length === 0 || !actions.every((a) => ECS_AGENT_ACTIONS.has(a))) continue;
    for (const a of actions) if (a.includes('*')) findings.add(`Action::${a}`);
    const resources = ([] as unknown[]).concat(statement.Resource ?? []);
    if (resources.includes('*')) findings.add('Resource::*');
  }
  return [...findings].sort();
}

interface Statement {
  readonly Action?: string | string[];
  readonly Resource?: unknown;
}

/**
 * A policy's statements as the template has them, as far as actions and a `*` resource go. lading's own policies
 * (identity-policy.ts) and an aws-cdk-lib policy
 * document that is not minimized (`@aws-cdk/aws-iam:minimizePolicies` off) renders its statements as they are,
 * which is what resolving it gives, tokens unresolved: read without resolving every ARN in it.
 */
function statementsOf(stack: Stack, policy: iam.CfnPolicy): readonly Statement[] {
  const document: unknown = policy.policyDocument;
  if (document instanceof IdentityPolicy) return document.statementJson();
  if (document instanceof iam.PolicyDocument && !FeatureFlags.of(stack).isEnabled(IAM_MINIMIZE_POLICIES)) {
    return (document.toJSON() as { Statement?: Statement[] } | undefined)?.Statement ?? [];
  }
  return (stack.resolve(document) as { Statement?: Statement[] } | undefined)?.Statement ?? [];
}

/**
 * Every AwsSolutions acknowledgement on a resource or its scopes, as cdk-nag's `cdk_nag` template metadata, sorted by
 * rule; where a rule is acknowledged on several, the reason given nearest the resource. Read once per construct, from
 * the stack down, after `acknowledgeOwn` has acknowledged what the construct itself calls for.
 */
function writeAcknowledgements(stack: Stack, acknowledgeOwn: (c: IConstruct) => void): void {
  let above: ReadonlyMap<string, string> = new Map();
  for (let scope = stack.node.scope; scope; scope = scope.node.scope) above = nearestFirst(scope, above);
  const visit = (c: IConstruct, outer: ReadonlyMap<string, string>): void => {
    acknowledgeOwn(c);
    const rules = nearestFirst(c, outer);
    if (rules.size > 0 && CfnResource.isCfnResource(c)) {
      const ids = [...rules.keys()].sort();
      c.addMetadata('cdk_nag', { rules_to_suppress: ids.map((id) => ({ id, reason: rules.get(id)! })) });
    }
    for (const child of c.node.children) visit(child, rules);
  };
  visit(stack, above);
}

/**
 * The AwsSolutions rules acknowledged on `scope` (the first reason of each), then those of `outer` it does not
 * acknowledge itself: `outer` as it is when `scope` acknowledges none.
 */
function nearestFirst(scope: IConstruct, outer: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  let rules: Map<string, string> | undefined;
  for (const entry of scope.node.metadata) {
    if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
    for (const [qualified, reason] of Object.entries(entry.data as Record<string, string>)) {
      const id = qualified.replace(/^annotation::/i, '');
      // aws-cdk-lib acknowledges warnings of its own on stacks; only cdk-nag's rules go to the template
      if (!id.startsWith('AwsSolutions-')) continue;
      rules ??= new Map();
      if (!rules.has(id)) rules.set(id, reason);
    }
  }
  if (!rules) return outer;
  for (const [id, reason] of outer) if (!rules.has(id)) rules.set(id, reason);
  return rules;
}
