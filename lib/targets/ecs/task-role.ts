import { Annotations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ARN_ESTIMATE_DEFAULT, ARN_ESTIMATE_KEY, IdentityPolicy, type AllowStatement } from './identity-policy';
import { CfnPolicy, CfnRole } from './l1-resources';
import { pinLogicalId } from './logical-ids';
import { policyNameOf } from './policy-names';

/** The trust policy of a role that ECS tasks assume. */
const ASSUMED_BY_ECS_TASKS = {
  Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' } }],
  Version: '2012-10-17',
};

/** The estimated sizes at which aws-cdk-lib moves statements out of a role's inline policy, and fills a managed one. */
const INLINE_POLICY_MAX = 10000;
const MANAGED_POLICY_MAX = 6000;

/**
 * A role that ECS tasks assume (a task's task role or execution role) as aws-cdk-lib's Role makes it: the role at
 * `<id>/Resource`, and from the first statement on, its default policy at `<id>/DefaultPolicy/Resource`, named
 * after its logical id and attached to the role; statements that do not fit there go to managed policies
 * (`<id>/OverflowPolicy<n>/Resource`).
 */
export class TaskRole {
  readonly construct: Construct;
  private readonly resource: iam.CfnRole;
  private policy?: IdentityPolicy;

  constructor(scope: Construct, id: string) {
    this.construct = new Construct(scope, id);
    this.resource = pinLogicalId(new CfnRole(this.construct, 'Resource', { assumeRolePolicyDocument: ASSUMED_BY_ECS_TASKS }));
  }

  /** `Fn::GetAtt` of the role's ARN. */
  get arn(): string {
    return this.resource.attrArn;
  }

  /** Adds a statement to the role's default policy, made on the first one. */
  allow(statement: AllowStatement): void {
    if (!this.policy) {
      this.policy = new IdentityPolicy();
      const policy = pinLogicalId(new CfnPolicy(new Construct(this.construct, 'DefaultPolicy'), 'Resource', { policyDocument: this.policy, policyName: '', roles: [this.resource.ref] }));
      policy.policyName = policyNameOf(policy);
    }
    this.policy.add(statement);
  }

  /**
   * Moves what the default policy cannot hold to managed policies attached to the role, as aws-cdk-lib's Role does
   * when it synthesizes; a role with more than 10 of them gets aws-cdk-lib's warning.
   */
  splitLargePolicy(): void {
    if (!this.policy) return;
    const overflow = this.policy.split(INLINE_POLICY_MAX, MANAGED_POLICY_MAX, this.construct.node.tryGetContext(ARN_ESTIMATE_KEY) ?? ARN_ESTIMATE_DEFAULT);
    const count = overflow.length;
    if (count > 20) Annotations.of(this.construct).addWarningV2('@aws-cdk/aws-iam:rolePolicyTooLarge', `Policy too large: ${count} exceeds the maximum of 20 managed policies attached to a Role`);
    else if (count > 10) Annotations.of(this.construct).addWarningV2('@aws-cdk/aws-iam:rolePolicyLarge', `Policy large: ${count} exceeds 10 managed policies attached to a Role, this requires a quota increase`);
    overflow.forEach((policyDocument, i) => {
      pinLogicalId(
        new iam.CfnManagedPolicy(new Construct(this.construct, `OverflowPolicy${i + 1}`), 'Resource', {
          policyDocument,
          description: `Part of the policies for ${this.construct.node.path}`,
          path: '/',
          roles: [this.resource.ref],
        }),
      );
    });
  }
}
