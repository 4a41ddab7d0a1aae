import { ModelError } from './errors';
import { checkKnownProps, propNames, type PropKeys } from './known-props';
import type { PlacementConstraintSpec, PlacementSpec, PlatformSpec } from './spec';

/** A Swarm node's role. */
export type NodeRole = 'manager' | 'worker';
/** A node's operating system. */
export type NodeOs = 'linux' | 'windows';
/** A node's CPU architecture, in the container world's names (`uname` says x86_64 and aarch64). */
export type NodeArch = 'amd64' | 'arm64';

/**
 * A rule a node must meet to run a workload (Swarm's `deploy.placement.constraints`):
 * `Placement.nodeLabel('zone', 'eu-1')`, `Placement.role('worker')`, `Placement.hostname('db-1').not()`.
 */
export class Placement {
  /** The node carries the label `name=value` (`node.labels.<name> == <value>`; a Kubernetes node label, an ECS custom attribute). */
  public static nodeLabel(name: string, value: string): Placement {
    return new Placement({ kind: 'node-label', label: name, operator: '==', value });
  }

  /** The node's Docker engine carries the label `name=value` (`engine.labels.<name> == <value>`; Swarm only). */
  public static engineLabel(name: string, value: string): Placement {
    return new Placement({ kind: 'engine-label', label: name, operator: '==', value });
  }

  /** The node's host name (`node.hostname == <name>`; Kubernetes `kubernetes.io/hostname`). */
  public static hostname(name: string): Placement {
    return new Placement({ kind: 'hostname', operator: '==', value: name });
  }

  /** The Swarm node id (`node.id == <id>`; Swarm only). */
  public static nodeId(id: string): Placement {
    return new Placement({ kind: 'node-id', operator: '==', value: id });
  }

  /** The Swarm node's role (`node.role == manager`). */
  public static role(role: NodeRole): Placement {
    return new Placement({ kind: 'role', operator: '==', value: role });
  }

  /** The node's operating system (`node.platform.os == linux`; Kubernetes `kubernetes.io/os`, ECS `ecs.os-type`). */
  public static os(os: NodeOs): Placement {
    return new Placement({ kind: 'os', operator: '==', value: os });
  }

  /** The node's CPU architecture (`node.platform.arch == aarch64`; Kubernetes `kubernetes.io/arch`, ECS `ecs.cpu-architecture`). */
  public static arch(arch: NodeArch): Placement {
    return new Placement({ kind: 'arch', operator: '==', value: arch });
  }

  private constructor(
    /** @internal */
    public readonly _spec: PlacementConstraintSpec,
  ) {}

  /** The opposite rule: the node must not have this value (`!=`). */
  public not(): Placement {
    return new Placement({ ...this._spec, operator: this._spec.operator === '==' ? '!=' : '==' });
  }
}

/** Which nodes run a workload's replicas, and how they spread over them (Swarm's `deploy.placement`). */
export interface PlacementProps {
  /**
   * Rules every node that runs the workload meets: `[Placement.nodeLabel('zone', 'eu-1'), Placement.role('worker')]`.
   * Compose and docker run on one host and apply none; docs/mapping.md says what each target does with each rule.
   * @default - any node
   */
  readonly constraints?: Placement[];
  /**
   * Node labels to spread the replicas evenly over, the first one first (Swarm `preferences: [{ spread: node.labels.zone }]`;
   * Kubernetes topologySpreadConstraints, ECS spread placement strategy on EC2).
   * @default - the target's own spreading
   */
  readonly spread?: string[];
  /**
   * The most replicas one node runs (Swarm `max_replicas_per_node`). Kubernetes and ECS on EC2 honour 1 only.
   * @default - no limit
   */
  readonly maxReplicasPerNode?: number;
}

const PLACEMENT_PROP_KEYS: PropKeys<PlacementProps> = { constraints: true, spread: true, maxReplicasPerNode: true };
const PLACEMENT_PROPS = propNames(PLACEMENT_PROP_KEYS);

// a label name as Swarm and Kubernetes both take it: `zone`, `com.example.tier`, `topology.kubernetes.io/zone`
export const PLACEMENT_LABEL = /^[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?$/;
const CHOICES: Partial<Record<PlacementConstraintSpec['kind'], readonly string[]>> = { role: ['manager', 'worker'], os: ['linux', 'windows'], arch: ['amd64', 'arm64'] };

/** Resolves `placement`: each rule checked, where it sits, against the platform the workload asks for. */
export function resolvePlacement(path: string, value: PlacementProps | undefined, platform: PlatformSpec | undefined): PlacementSpec | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelError(path, 'placement', 'must be { constraints, spread, maxReplicasPerNode }', value, "Write e.g. placement: { constraints: [Placement.nodeLabel('zone', 'eu-1')] }");
  }
  checkKnownProps(path, 'placement', value, PLACEMENT_PROPS);
  const list = value.constraints ?? [];
  if (!Array.isArray(list)) throw new ModelError(path, 'placement.constraints', 'must be a list of Placement', list, "Write e.g. [Placement.nodeLabel('zone', 'eu-1')]");
  const constraints = list.map((c, i) => constraintOf(path, `placement.constraints[${i}]`, c, platform));
  const spread = value.spread ?? [];
  if (!Array.isArray(spread)) throw new ModelError(path, 'placement.spread', 'must be a list of node label names', spread, "Write e.g. spread: ['zone']");
  spread.forEach((label, i) => {
    if (typeof label !== 'string' || !PLACEMENT_LABEL.test(label)) {
      throw new ModelError(path, `placement.spread[${i}]`, 'must be a node label name: letters, digits, ., _, / and -', label, "Write e.g. 'zone'");
    }
    if (spread.indexOf(label) !== i) throw new ModelError(path, `placement.spread[${i}]`, 'label listed twice', label, 'List each label once');
  });
  const max = value.maxReplicasPerNode;
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1)) {
    throw new ModelError(path, 'placement.maxReplicasPerNode', 'must be a whole number of at least 1', max, 'Write e.g. maxReplicasPerNode: 1');
  }
  if (constraints.length === 0 && spread.length === 0 && max === undefined) return undefined;
  return { constraints, spread: [...spread], ...(max !== undefined ? { maxReplicasPerNode: max } : {}) };
}

function constraintOf(path: string, prop: string, c: unknown, platform: PlatformSpec | undefined): PlacementConstraintSpec {
  if (!(c instanceof Placement)) throw new ModelError(path, prop, 'must be a Placement', c, "Write e.g. Placement.nodeLabel('zone', 'eu-1')");
  const spec = c._spec;
  if (spec.label !== undefined && !PLACEMENT_LABEL.test(spec.label)) {
    throw new ModelError(path, prop, 'a label name is letters, digits, ., _, / and -, starting and ending with a letter or digit', spec.label, "Write e.g. Placement.nodeLabel('zone', 'eu-1')");
  }
  const choices = CHOICES[spec.kind];
  if (choices && !choices.includes(spec.value)) throw new ModelError(path, prop, `${spec.kind} must be ${choices.join(' or ')}`, spec.value, `Write e.g. Placement.${spec.kind}('${choices[0]}')`);
  if (typeof spec.value !== 'string' || spec.value.trim() === '' || spec.value.trim() !== spec.value || /[=!]/.test(spec.value)) {
    throw new ModelError(path, prop, 'a value is a non-empty string without surrounding spaces, = or !', spec.value, "Write e.g. Placement.nodeLabel('zone', 'eu-1')");
  }
  if (platform && (spec.kind === 'arch' || spec.kind === 'os')) {
    const asked = spec.kind === 'arch' ? platform.architecture : platform.os;
    if ((spec.operator === '==') !== (spec.value === asked)) {
      throw new ModelError(path, prop, `no node meets ${spec.kind} ${spec.operator} ${spec.value} and runs platform ${platform.os}/${platform.architecture}`, spec.value, 'Remove the constraint or change platform');
    }
  }
  return spec;
}
