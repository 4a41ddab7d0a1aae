import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { IdentityPolicy, type AllowStatement } from './identity-policy';
import { policyNameOf } from './policy-names';

/** The trust policy of a role that ECS tasks assume. */
const ASSUMED_BY_ECS_TASKS = {
  Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' } }],
  Version: '2012-10-17',
};

/**
 * A role that ECS tasks assume (a task's task role or execution role) as aws-cdk-lib's Role makes it: the role at
 * `<id>/Resource`, and from the first statement on, its default policy at `<id>/DefaultPolicy/Resource`, named
 * after its logical id and attached to the role.
 */
export class TaskRole {
  readonly construct: Construct;
  private readonly resource: iam.CfnRole;
  private policy?: IdentityPolicy;

  constructor(scope: Construct, id: string) {
    this.construct = new Construct(scope, id);
    this.resource = new iam.CfnRole(this.construct, 'Resource', { assumeRolePolicyDocument: ASSUMED_BY_ECS_TASKS });
  }

  /** `Fn::GetAtt` of the role's ARN. */
  get arn(): string {
    return this.resource.attrArn;
  }

  /** Adds a statement to the role's default policy, made on the first one. */
  allow(statement: AllowStatement): void {
    if (!this.policy) {
      this.policy = new IdentityPolicy();
      const policy = new iam.CfnPolicy(new Construct(this.construct, 'DefaultPolicy'), 'Resource', { policyDocument: this.policy, policyName: '', roles: [this.resource.ref] });
      policy.policyName = policyNameOf(policy);
    }
    this.policy.add(statement);
  }
}
