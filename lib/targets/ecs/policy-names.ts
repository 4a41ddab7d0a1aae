import type * as iam from 'aws-cdk-lib/aws-iam';
import { logicalIdOf } from './logical-ids';

/** IAM's longest policy name. */
const POLICY_NAME_MAX = 128;

/**
 * The name aws-cdk-lib's Policy gives itself when none is set: its resource's logical id, or the last 128
 * characters of a longer one.
 */
export function policyNameOf(policy: iam.CfnPolicy): string {
  return logicalIdOf(policy).slice(-POLICY_NAME_MAX);
}
