import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { listOrNone, type ContainerPlan } from './containers';
import { CfnTaskDefinition } from './l1-resources';
import { bindImage } from './images';
import { pinLogicalId } from './logical-ids';
import type { NetworkMode } from './networks';
import { secretRead } from './secrets';
import { TaskRole } from './task-role';

/** A container of the task: its definition, and the lists that grow after it joins. */
export interface TaskContainer {
  readonly definition: ecs.CfnTaskDefinition.ContainerDefinitionProperty;
  readonly plan: ContainerPlan;
  readonly mountPoints: ecs.CfnTaskDefinition.MountPointProperty[];
  readonly volumesFrom: ecs.CfnTaskDefinition.VolumeFromProperty[];
  readonly dependsOn: ecs.CfnTaskDefinition.ContainerDependencyProperty[];
}

interface TaskDefinitionProps {
  readonly family: string;
  readonly fargate: boolean;
  readonly networkMode: NetworkMode;
  readonly cpu?: number;
  readonly memory?: number;
  readonly pidMode?: string;
}

/**
 * A task definition as aws-cdk-lib's TaskDefinition makes it, from literal properties, at the same construct paths:
 * `<id>` holds the task role (`TaskRole`), the task definition (`Resource`) and, from the first container that
 * needs one, the execution role (`ExecutionRole`). Containers, volumes and placement constraints are written into
 * the task definition by `finish`.
 */
export class TaskDefinitionResource {
  readonly construct: Construct;
  readonly taskRole: TaskRole;
  readonly resource: ecs.CfnTaskDefinition;
  readonly volumes: ecs.CfnTaskDefinition.VolumeProperty[] = [];
  readonly placementConstraints: ecs.CfnTaskDefinition.TaskDefinitionPlacementConstraintProperty[] = [];
  private readonly containers: TaskContainer[] = [];
  private execution?: TaskRole;

  constructor(scope: Construct, id: string, props: TaskDefinitionProps) {
    this.construct = new Construct(scope, id);
    this.taskRole = new TaskRole(this.construct, 'TaskRole');
    this.resource = pinLogicalId(
      new CfnTaskDefinition(this.construct, 'Resource', {
        family: props.family,
        taskRoleArn: this.taskRole.arn,
        requiresCompatibilities: [props.fargate ? 'FARGATE' : 'EC2'],
        networkMode: props.networkMode,
        cpu: props.cpu !== undefined ? String(props.cpu) : undefined,
        memory: props.memory !== undefined ? String(props.memory) : undefined,
        pidMode: props.pidMode,
      }),
    );
  }

  /** The execution role, made on first need. */
  get executionRole(): TaskRole | undefined {
    return this.execution;
  }

  obtainExecutionRole(): TaskRole {
    if (!this.execution) {
      this.execution = new TaskRole(this.construct, 'ExecutionRole');
      this.resource.executionRoleArn = this.execution.arn;
    }
    return this.execution;
  }

  /**
   * Adds a container, as aws-cdk-lib's ContainerDefinition binds it: the execution role may pull its image, then
   * write its logs, then read its secrets.
   */
  addContainer(plan: ContainerPlan): TaskContainer {
    const executionRole = () => this.obtainExecutionRole();
    const image = bindImage(plan.image, this.construct, plan.name, executionRole);
    executionRole().allow(plan.logging.grant);
    const secrets: ecs.CfnTaskDefinition.SecretProperty[] = [];
    for (const [name, secret] of Object.entries(plan.secrets ?? {})) {
      executionRole().allow(secretRead(secret));
      secrets.push({ name, valueFrom: secret.secretArn });
    }
    const container: TaskContainer = {
      definition: { ...plan.fields, name: plan.name, ...image, logConfiguration: plan.logging.configuration, secrets: listOrNone(secrets) },
      plan,
      mountPoints: [],
      volumesFrom: [],
      dependsOn: [],
    };
    this.containers.push(container);
    return container;
  }

  /**
   * Writes the containers, volumes and placement constraints into the task definition, and splits the roles' policies
   * where they are too large.
   */
  finish(): void {
    this.taskRole.splitLargePolicy();
    this.execution?.splitLargePolicy();
    this.resource.containerDefinitions = this.containers.map((c) => ({
      ...c.definition,
      linuxParameters: c.plan.linuxParameters?.render(),
      mountPoints: listOrNone(c.mountPoints),
      volumesFrom: listOrNone(c.volumesFrom),
      dependsOn: listOrNone(c.dependsOn),
    }));
    this.resource.volumes = listOrNone(this.volumes);
    this.resource.placementConstraints = listOrNone(this.placementConstraints);
  }
}
