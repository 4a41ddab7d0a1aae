import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { programOf } from '../../model/entrypoint-reset';
import type { ContainerSpec, PortSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { containerHealthCheck } from './health-checks';
import { imageOf, type ContainerImage } from './images';
import { dockerLabelsOf } from './labels';
import type { LinuxParameters } from './linux-parameters';
import { logDriverOf, type AwsLogs } from './logs';
import type { NetworkMode } from './networks';
import { containerSecrets } from './secrets';
import { containerMiB } from './task-size';
import { dockerSecurityOptionsOf } from './no-new-privileges';
import { gpuRequirementsOf } from './gpus';

/** A list, or nothing when it is empty: aws-cdk-lib leaves a container definition's empty lists out. */
export function listOrNone<T>(list: readonly T[]): T[] | undefined {
  return list.length > 0 ? [...list] : undefined;
}

/** Environment variables as a container definition lists them; none when there are none. */
export function environmentOf(env: Readonly<Record<string, string>>): ecs.CfnTaskDefinition.KeyValuePairProperty[] | undefined {
  const entries = Object.entries(env);
  return entries.length > 0 ? entries.map(([name, value]) => ({ name, value })) : undefined;
}

/** The port mappings of a container; in bridge mode the host port is dynamic (0). */
function portMappingsOf(c: ContainerSpec, mode: NetworkMode): ecs.CfnTaskDefinition.PortMappingProperty[] {
  return c.ports.map((p: PortSpec) => ({
    containerPort: p.containerPort,
    hostPort: mode === 'bridge' ? 0 : undefined,
    protocol: p.protocol === 'udp' ? 'udp' : 'tcp',
    appProtocol: p.appProtocol === 'http' ? 'http' : undefined,
    name: p.name ? p.name : undefined,
  }));
}

/** A container definition's fields that are neither bound to the task (image, logs, secrets) nor added later (mounts). */
export type ContainerFields = Omit<
  ecs.CfnTaskDefinition.ContainerDefinitionProperty,
  'name' | 'image' | 'repositoryCredentials' | 'logConfiguration' | 'secrets' | 'linuxParameters' | 'mountPoints' | 'volumesFrom' | 'dependsOn'
>;

/**
 * A container of a task before it joins the task: its name, the image, logs and secrets that the task's execution
 * role must reach, its linuxParameters, and the rest of its definition.
 */
export interface ContainerPlan {
  readonly name: string;
  readonly image: ContainerImage;
  readonly logging: AwsLogs;
  readonly secrets?: Readonly<Record<string, secretsmanager.ISecret>>;
  readonly linuxParameters?: LinuxParameters;
  readonly fields: ContainerFields;
}

/** What every container of a system shares. */
export interface ContainerContext {
  readonly spec: SystemSpec;
  readonly d: EcsReporter;
  readonly secrets: ReadonlyMap<string, secretsmanager.ISecret>;
  readonly logGroup: logs.ILogGroup;
  /** Absolute path of the project root, where build contexts start. */
  readonly projectRoot: string;
}

/** What differs per container: its task's network mode and workload, and its place in the task. */
interface ContainerPlace {
  readonly networkMode: NetworkMode;
  readonly workloadName: string;
  /** The main container is essential; sidecars are not. */
  readonly essential: boolean;
  /** A load balancer runs the container's http or tcp health check. */
  readonly checkedByTargetGroup: boolean;
  readonly linuxParameters?: LinuxParameters;
}

/**
 * A container definition, mounts aside: `docker run`'s command, entrypoint, workdir, user, env and resources keep
 * their names; image, secrets, ports, health check, labels and logs come from their own files. Undefined when the
 * image cannot be built (an error).
 */
export function containerPlan(c: ContainerSpec, ctx: ContainerContext, place: ContainerPlace): ContainerPlan | undefined {
  const image = imageOf(c, ctx.secrets, ctx.projectRoot, ctx.d);
  if (!image) return undefined;
  const logging = logDriverOf(c, ctx.logGroup, place.workloadName, ctx.d);
  const program = programOf(c);
  if (program.lost) {
    ctx.d.report(
      'ecs/entrypoint-reset',
      `${c.path} entrypoint`,
      "an empty entrypoint clears the image's ENTRYPOINT so that Docker runs the image's CMD alone, but ECS reads an empty entryPoint as none: the image's ENTRYPOINT runs",
      "Give the command: the image's CMD, which then runs as the program.",
    );
  }
  return {
    name: c.name,
    image,
    logging,
    secrets: containerSecrets(c, ctx.secrets),
    linuxParameters: place.linuxParameters,
    fields: {
      essential: place.essential,
      command: program.command ? [...program.command] : undefined,
      entryPoint: program.entrypoint ? [...program.entrypoint] : undefined,
      workingDirectory: c.workingDir,
      user: c.security.user,
      readonlyRootFilesystem: c.security.readOnlyRootFilesystem ? true : undefined,
      dockerSecurityOptions: dockerSecurityOptionsOf(c, ctx.spec.options.ecs.launchType),
      environment: environmentOf(c.env),
      portMappings: listOrNone(portMappingsOf(c, place.networkMode)),
      cpu: c.resources.cpuShares,
      memory: containerMiB(c, 'memory', ctx.d),
      memoryReservation: containerMiB(c, 'memoryReservation', ctx.d),
      healthCheck: containerHealthCheck(c, c.health, ctx.d, place.checkedByTargetGroup),
      dockerLabels: dockerLabelsOf(c.labels),
      privileged: c.privileged ? true : undefined,
      resourceRequirements: gpuRequirementsOf(ctx.spec, c),
    },
  };
}
