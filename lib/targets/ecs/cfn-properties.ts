/**
 * An L1 resource's resolved properties written as CloudFormation names them, as aws-cdk-lib's generated converters
 * write them: each struct's keys capitalized (a few spelled otherwise) and in alphabetical order, the keys of a map
 * kept, and intrinsic functions (`Ref`, `Fn::...`) and other values as they are. The converters also check each
 * value's type, which lading's own values need not.
 */

/** How one resource type's properties are named. */
class CloudFormationNames {
  private readonly known = new Map<string, string>();

  /**
   * @param names names that are not the property's name capitalized
   * @param maps properties that are maps (or documents): their keys are the user's, not CloudFormation's
   */
  constructor(
    names: Readonly<Record<string, string>>,
    readonly maps: ReadonlySet<string>,
  ) {
    for (const [key, name] of Object.entries(names)) this.known.set(key, name);
  }

  /** A property's CloudFormation name. */
  nameOf(key: string): string {
    let name = this.known.get(key);
    if (name === undefined) {
      name = key[0].toUpperCase() + key.slice(1);
      this.known.set(key, name);
    }
    return name;
  }
}

/** AWS::ECS::TaskDefinition. */
export const TASK_DEFINITION = new CloudFormationNames({ iam: 'IAM', efsVolumeConfiguration: 'EFSVolumeConfiguration' }, new Set(['dockerLabels', 'options', 'driverOpts', 'labels']));

/** AWS::ECS::Service. */
export const ECS_SERVICE = new CloudFormationNames({ enableEcsManagedTags: 'EnableECSManagedTags', managedEbsVolume: 'ManagedEBSVolume' }, new Set(['options']));

/** AWS::ServiceDiscovery::Service. */
export const CLOUD_MAP_SERVICE = new CloudFormationNames({ ttl: 'TTL' }, new Set(['serviceAttributes']));

/** AWS::IAM::Role and AWS::IAM::Policy. */
export const IAM = new CloudFormationNames({}, new Set(['assumeRolePolicyDocument', 'policyDocument']));

function isIntrinsic(value: object): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** A resolved value with each struct's keys in CloudFormation's names and order. */
export function toCloudFormation(value: unknown, naming: CloudFormationNames = TASK_DEFINITION): unknown {
  if (Array.isArray(value)) return value.map((v) => toCloudFormation(v, naming));
  if (value === null || typeof value !== 'object' || isIntrinsic(value)) return value;
  const props = value as Record<string, unknown>;
  const keys = Object.keys(props).sort((a, b) => {
    const x = naming.nameOf(a);
    const y = naming.nameOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const out: Record<string, unknown> = {};
  for (const key of keys) out[naming.nameOf(key)] = naming.maps.has(key) ? props[key] : toCloudFormation(props[key], naming);
  return out;
}
