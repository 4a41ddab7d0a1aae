import { Stack, type CfnElement } from 'aws-cdk-lib';

/**
 * Fixes an L1 resource's logical id, when it is made, to the id aws-cdk-lib derives from its construct path:
 * aws-cdk-lib derives it again (a hash of the path) each time the resource's id or a reference to it is resolved.
 * The id is the same; the template does not change.
 */
export function pinLogicalId<T extends CfnElement>(element: T): T {
  element.overrideLogicalId(Stack.of(element).getLogicalId(element));
  return element;
}
