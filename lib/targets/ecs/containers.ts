import * as fs from 'fs';
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { ContainerSpec, HealthCheckSpec, ImageSpec, PortSpec } from '../../model/spec';
import type { EcsDiagnostics } from './diagnostics';
import { toMiB } from './task-size';

export type NetworkMode = 'awsvpc' | 'bridge' | 'host';

export interface ContainerContext {
  readonly d: EcsDiagnostics;
  readonly secrets: ReadonlyMap<string, secretsmanager.ISecret>;
  readonly logGroup: logs.ILogGroup;
  /** Absolute path of the project root, where build contexts start. */
  readonly projectRoot: string;
  readonly networkMode: NetworkMode;
  readonly workloadName: string;
}

/** The image: from a registry (with repository credentials), or built from a Dockerfile by cdk deploy. */
export function imageOf(c: ContainerSpec, image: ImageSpec, ctx: ContainerContext): ecs.ContainerImage | undefined {
  if (image.kind === 'registry') {
    const credentials = image.credentials !== undefined ? ctx.secrets.get(image.credentials) : undefined;
    return ecs.ContainerImage.fromRegistry(image.ref, credentials ? { credentials } : undefined);
  }
  const dir = path.resolve(ctx.projectRoot, image.context);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    ctx.d.add('ecs/build-context-missing', `${c.path} image`, `the build context ${JSON.stringify(image.context)} is not a directory under the project root`, 'Create it, or fix Image.build({ context }).');
    return undefined;
  }
  const file = path.resolve(dir, image.dockerfile);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    ctx.d.add('ecs/dockerfile-missing', `${c.path} image`, `the build context ${JSON.stringify(image.context)} holds no ${JSON.stringify(image.dockerfile)}`, 'Add the Dockerfile there, or name it with Image.build({ dockerfile }).');
    return undefined;
  }
  ctx.d.add('ecs/build-image', `${c.path} image`, `cdk deploy builds ${JSON.stringify(image.context)} and pushes it to the bootstrap ECR repository; the tag ${JSON.stringify(image.ref)} is not used`);
  if (image.credentials !== undefined) {
    ctx.d.add('ecs/build-credentials', `${c.path} image`, `the registry credentials ${JSON.stringify(image.credentials)} are not used: the task pulls the built image from ECR`);
  }
  return ecs.ContainerImage.fromAsset(dir, {
    file: image.dockerfile,
    buildArgs: Object.keys(image.args).length > 0 ? { ...image.args } : undefined,
  });
}

export function portMappingsOf(c: ContainerSpec, mode: NetworkMode): ecs.PortMapping[] {
  return c.ports.map((p: PortSpec) => ({
    name: p.name,
    containerPort: p.containerPort,
    hostPort: mode === 'bridge' ? 0 : undefined,
    protocol: p.protocol === 'udp' ? ecs.Protocol.UDP : ecs.Protocol.TCP,
    appProtocol: p.appProtocol === 'http' ? ecs.AppProtocol.http : undefined,
  }));
}

/** Moves a value into [min, max] and says so when it had to. */
export function clamp(value: number, min: number, max: number, note: (v: number) => void): number {
  const v = Math.min(max, Math.max(min, value));
  if (v !== value) note(v);
  return v;
}

/** ECS container health check for a command check; http and tcp checks have none (a diagnostic says why). */
export function healthCheckOf(c: ContainerSpec, h: HealthCheckSpec | undefined, ctx: ContainerContext, checkedByTargetGroup: boolean): ecs.HealthCheck | undefined {
  if (!h) return undefined;
  const where = `${c.path} health`;
  if (h.kind !== 'command') {
    const what = h.kind === 'http' ? `http check of ${h.path} on port ${h.port}` : `tcp check of port ${h.port}`;
    const instead = checkedByTargetGroup ? 'the target group of its published port runs it instead' : 'nothing checks it';
    ctx.d.add('ecs/health-check-unsupported', where, `ECS container health checks run a command, so the ${what} has no container health check: ${instead}`, 'Use HealthCheck.command with a tool the image has (curl, wget, nc) to keep a container check.');
    return undefined;
  }
  const note = (prop: string, from: number, lo: number, hi: number) => (v: number) =>
    ctx.d.add('ecs/health-check-clamped', where, `ECS accepts a health-check ${prop} of ${lo}-${hi} (got ${from}): using ${v}`);
  const interval = clamp(h.intervalSeconds, 5, 300, note('interval', h.intervalSeconds, 5, 300));
  let timeout = clamp(h.timeoutSeconds, 2, 60, note('timeout', h.timeoutSeconds, 2, 60));
  if (timeout >= interval) {
    // Docker lets a check run longer than its interval; ECS wants the timeout shorter than the interval.
    ctx.d.add('ecs/health-check-clamped', where, `ECS needs a health-check timeout shorter than its interval (got timeout ${timeout}s, interval ${interval}s): using ${interval - 1}s`);
    timeout = interval - 1;
  }
  return {
    command: h.shell ? ['CMD-SHELL', h.command[0]] : ['CMD', ...h.command],
    interval: Duration.seconds(interval),
    timeout: Duration.seconds(timeout),
    retries: clamp(h.retries, 1, 10, note('retries', h.retries, 1, 10)),
    startPeriod: Duration.seconds(clamp(h.startPeriodSeconds, 0, 300, note('start period', h.startPeriodSeconds, 0, 300))),
  };
}

function mib(c: ContainerSpec, prop: string, bytes: number | undefined, d: EcsDiagnostics): number | undefined {
  if (bytes === undefined) return undefined;
  const value = toMiB(bytes);
  if (value * 1024 * 1024 !== bytes) d.add('ecs/memory-rounded', `${c.path} resources.${prop}`, `${bytes} bytes is not a whole number of MiB: using ${value} MiB`);
  return value;
}

/** Everything of a container definition except mounts. */
export function containerOptions(
  c: ContainerSpec,
  ctx: ContainerContext,
  essential: boolean,
  checkedByTargetGroup: boolean,
  linuxParameters: ecs.LinuxParameters | undefined,
): ecs.ContainerDefinitionOptions | undefined {
  const image = imageOf(c, c.image, ctx);
  if (!image) return undefined;
  const secrets: Record<string, ecs.Secret> = {};
  for (const s of c.secretEnv) secrets[s.name] = ecs.Secret.fromSecretsManager(ctx.secrets.get(s.secret)!);
  if (c.logging) {
    ctx.d.add('ecs/log-limits', `${c.path} logging`, `awslogs has no size limit (asked: ${c.logging.maxFiles} files of ${c.logging.maxSizeBytes} bytes): the log group's retention bounds the logs`);
  }
  return {
    containerName: c.name,
    image,
    essential,
    command: c.command ? [...c.command] : undefined,
    entryPoint: c.entrypoint ? [...c.entrypoint] : undefined,
    workingDirectory: c.workingDir,
    user: c.user,
    environment: Object.keys(c.env).length > 0 ? { ...c.env } : undefined,
    secrets: c.secretEnv.length > 0 ? secrets : undefined,
    portMappings: portMappingsOf(c, ctx.networkMode),
    cpu: c.resources.cpuShares,
    memoryLimitMiB: mib(c, 'memory', c.resources.memoryBytes, ctx.d),
    memoryReservationMiB: mib(c, 'memoryReservation', c.resources.memoryReservationBytes, ctx.d),
    healthCheck: healthCheckOf(c, c.health, ctx, checkedByTargetGroup),
    dockerLabels: Object.keys(c.labels).length > 0 ? { ...c.labels } : undefined,
    logging: ecs.LogDrivers.awsLogs({ logGroup: ctx.logGroup, streamPrefix: ctx.workloadName }),
    privileged: c.privileged ? true : undefined,
    linuxParameters,
  };
}
