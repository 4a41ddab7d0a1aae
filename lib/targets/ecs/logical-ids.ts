import { CfnElement, Stack } from 'aws-cdk-lib';

/** Elements whose logical id is already fixed, and the id. */
const pinned = new WeakMap<CfnElement, string>();

/**
 * Fixes an L1 resource's logical id, when it is made, to the id aws-cdk-lib derives from its construct path:
 * aws-cdk-lib derives it again (a hash of the path) each time the resource's id or a reference to it is resolved.
 * The id is the same; the template does not change. The element's `logicalId` and its `aws:cdk:logicalId` metadata
 * then hold the id itself rather than a token for it, so references made from now on, and the metadata, resolve
 * without going through the token.
 */
export function pinLogicalId<T extends CfnElement>(element: T): T {
  const id = Stack.of(element).getLogicalId(element);
  const lazy = element.logicalId;
  element.overrideLogicalId(id);
  (element as { logicalId: string }).logicalId = id;
  for (const entry of element.node.metadata as Array<{ type: string; data: unknown }>) {
    if (entry.type === 'aws:cdk:logicalId' && entry.data === lazy) entry.data = id;
  }
  pinned.set(element, id);
  return element;
}

/** An element's logical id: the one `pinLogicalId` fixed, or the one aws-cdk-lib derives from its path. */
export function logicalIdOf(element: CfnElement): string {
  return pinned.get(element) ?? Stack.of(element).getLogicalId(element);
}

/**
 * Fixes the logical id of every element of a built stack, as `pinLogicalId` does for one: the paths no longer
 * change, so each id is derived once rather than at every reference and again for each template. Neither lading
 * nor the aws-cdk-lib constructs it uses give a stack's elements other ids (`overrideLogicalId`).
 */
export function pinLogicalIds(stack: Stack): void {
  for (const c of stack.node.findAll()) {
    if (CfnElement.isCfnElement(c) && !pinned.has(c as CfnElement)) pinLogicalId(c as CfnElement);
  }
}
