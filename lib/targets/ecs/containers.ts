import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { programOf } from '../../model/entrypoint-reset';
import type { ContainerSpec, PortSpec, SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { containerHealthCheck } from './health-checks';
import { imageOf } from './images';
import { dockerLabelsOf } from './labels';
import { logDriverOf } from './logs';
import type { NetworkMode } from './networks';
import { containerSecrets } from './secrets';
import { containerMiB } from './task-size';
import { dockerSecurityOptionsOf } from './no-new-privileges';
import { gpuCountOf } from './gpus';

/** The port mappings of a container; in bridge mode the host port is dynamic (0). */
function portMappingsOf(c: ContainerSpec, mode: NetworkMode): ecs.PortMapping[] {
  return c.ports.map((p: PortSpec) => ({
    name: p.name,
    containerPort: p.containerPort,
    hostPort: mode === 'bridge' ? 0 : undefined,
    protocol: p.protocol === 'udp' ? ecs.Protocol.UDP : ecs.Protocol.TCP,
    appProtocol: p.appProtocol === 'http' ? ecs.AppProtocol.http : undefined,
  }));
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
  readonly linuxParameters?: ecs.LinuxParameters;
}

/**
 * A container definition, mounts aside: `docker run`'s command, entrypoint, workdir, user, env and resources keep
 * their names; image, secrets, ports, health check, labels and logs come from their own files. Undefined when the
 * image cannot be built (an error).
 */
export function containerOptions(c: ContainerSpec, ctx: ContainerContext, place: ContainerPlace): ecs.ContainerDefinitionOptions | undefined {
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
    containerName: c.name,
    image,
    essential: place.essential,
    command: program.command ? [...program.command] : undefined,
    entryPoint: program.entrypoint ? [...program.entrypoint] : undefined,
    workingDirectory: c.workingDir,
    user: c.security.user,
    readonlyRootFilesystem: c.security.readOnlyRootFilesystem ? true : undefined,
    dockerSecurityOptions: dockerSecurityOptionsOf(c, ctx.spec.options.ecs.launchType),
    environment: Object.keys(c.env).length > 0 ? { ...c.env } : undefined,
    secrets: containerSecrets(c, ctx.secrets),
    portMappings: portMappingsOf(c, place.networkMode),
    cpu: c.resources.cpuShares,
    memoryLimitMiB: containerMiB(c, 'memory', ctx.d),
    memoryReservationMiB: containerMiB(c, 'memoryReservation', ctx.d),
    gpuCount: gpuCountOf(ctx.spec, c),
    healthCheck: containerHealthCheck(c, c.health, ctx.d, place.checkedByTargetGroup),
    dockerLabels: dockerLabelsOf(c.labels),
    logging,
    privileged: c.privileged ? true : undefined,
    linuxParameters: place.linuxParameters,
  };
}
