/**
 * A task definition's resolved properties written as CloudFormation names them, as aws-cdk-lib's generated
 * converters for AWS::ECS::TaskDefinition write them: each struct's keys capitalized (two spelled otherwise) and in
 * alphabetical order, the keys of a map kept, and intrinsic functions (`Ref`, `Fn::...`) and other values as they
 * are. The converters also check each value's type, which lading's own values need not.
 */

/** The task definition's CloudFormation names that are not the property's name capitalized. */
const NAMES: Readonly<Record<string, string>> = { iam: 'IAM', efsVolumeConfiguration: 'EFSVolumeConfiguration' };

/** Properties that are maps: their keys are the user's, not CloudFormation's. */
const MAPS = new Set(['dockerLabels', 'options', 'driverOpts', 'labels']);

function isIntrinsic(value: object): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** A resolved value with each struct's keys in CloudFormation's names and order. */
export function toCloudFormation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCloudFormation);
  if (value === null || typeof value !== 'object' || isIntrinsic(value)) return value;
  const props = value as Record<string, unknown>;
  const named = Object.keys(props).map((key) => [NAMES[key] ?? key[0].toUpperCase() + key.slice(1), key] as const);
  named.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const [name, key] of named) out[name] = MAPS.has(key) ? props[key] : toCloudFormation(props[key]);
  return out;
}
