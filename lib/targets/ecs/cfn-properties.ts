/**
 * An L1 resource's resolved properties written as CloudFormation names them, as aws-cdk-lib's generated converters
 * write them: each struct's keys capitalized (a few spelled otherwise) and in alphabetical order, the keys of a map
 * kept, and intrinsic functions (`Ref`, `Fn::...`) and other values as they are. The converters also check each
 * value's type, which lading's own values need not.
 */

/** How one resource type's properties are named: names that are not the property's name capitalized, and maps. */
interface CloudFormationNames {
  readonly names: Readonly<Record<string, string>>;
  /** Properties that are maps (or documents): their keys are the user's, not CloudFormation's. */
  readonly maps: ReadonlySet<string>;
}

/** AWS::ECS::TaskDefinition. */
export const TASK_DEFINITION: CloudFormationNames = {
  names: { iam: 'IAM', efsVolumeConfiguration: 'EFSVolumeConfiguration' },
  maps: new Set(['dockerLabels', 'options', 'driverOpts', 'labels']),
};

/** AWS::ECS::Service. */
export const ECS_SERVICE: CloudFormationNames = { names: { enableEcsManagedTags: 'EnableECSManagedTags', managedEbsVolume: 'ManagedEBSVolume' }, maps: new Set(['options']) };

/** AWS::ServiceDiscovery::Service. */
export const CLOUD_MAP_SERVICE: CloudFormationNames = { names: { ttl: 'TTL' }, maps: new Set(['serviceAttributes']) };

/** AWS::IAM::Role and AWS::IAM::Policy. */
export const IAM: CloudFormationNames = { names: {}, maps: new Set(['assumeRolePolicyDocument', 'policyDocument']) };

function isIntrinsic(value: object): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** A resolved value with each struct's keys in CloudFormation's names and order. */
export function toCloudFormation(value: unknown, naming: CloudFormationNames = TASK_DEFINITION): unknown {
  if (Array.isArray(value)) return value.map((v) => toCloudFormation(v, naming));
  if (value === null || typeof value !== 'object' || isIntrinsic(value)) return value;
  const props = value as Record<string, unknown>;
  const named = Object.keys(props).map((key) => [naming.names[key] ?? key[0].toUpperCase() + key.slice(1), key] as const);
  named.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const [name, key] of named) out[name] = naming.maps.has(key) ? props[key] : toCloudFormation(props[key], naming);
  return out;
}
