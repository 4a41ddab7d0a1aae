import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import type { NetworkMode } from './networks';
import { dnsOptionsOf } from './dns';
import { extraHostsOf } from './extra-hosts';
import { placementArchitecture } from './node-placement';
import { ulimitsOf } from './ulimits';

/** Fargate waits at most 120 seconds between the stop signal and SIGKILL. */
const FARGATE_STOP_TIMEOUT_MAX = 120;

/**
 * The main container's `stopTimeout` (the grace period before SIGKILL), `pseudoTerminal`, `interactive`,
 * `systemControls`, `extraHosts` (extra-hosts.ts), `ulimits` (ulimits.ts), `dnsServers` and `dnsSearchDomains` (dns.ts), and `hostname`, which ECS sets only in bridge and host network modes; a stop signal, which a task definition cannot choose, is reported.
 */
export function runtimeOptions(w: WorkloadSpec, networkMode: NetworkMode, fargate: boolean, d: EcsReporter): Partial<ecs.CfnTaskDefinition.ContainerDefinitionProperty> {
  const out: {
    stopTimeout?: number;
    hostname?: string;
    pseudoTerminal?: boolean;
    interactive?: boolean;
    systemControls?: ecs.CfnTaskDefinition.SystemControlProperty[];
    extraHosts?: ecs.CfnTaskDefinition.HostEntryProperty[];
    ulimits?: ecs.CfnTaskDefinition.UlimitProperty[];
    dnsServers?: string[];
    dnsSearchDomains?: string[];
  } = {};
  const extraHosts = extraHostsOf(w, networkMode, d);
  if (extraHosts) out.extraHosts = Object.entries(extraHosts).map(([hostname, ipAddress]) => ({ hostname, ipAddress }));
  Object.assign(out, dnsOptionsOf(w, networkMode, d));
  const ulimits = ulimitsOf(w, fargate, d);
  if (ulimits) out.ulimits = ulimits;
  if (w.tty) out.pseudoTerminal = true;
  if (w.stdinOpen) out.interactive = true;
  if (w.sysctls) out.systemControls = Object.entries(w.sysctls).map(([namespace, value]) => ({ namespace, value }));
  const grace = w.stop?.gracePeriodSeconds;
  if (grace !== undefined) {
    if (fargate && grace > FARGATE_STOP_TIMEOUT_MAX) {
      d.report('ecs/stop-timeout', `${w.path} stop.gracePeriod`, `Fargate waits at most ${FARGATE_STOP_TIMEOUT_MAX} seconds before it kills a container: ${w.name} gets ${FARGATE_STOP_TIMEOUT_MAX}, not ${grace}`, `Make ${w.name} stop within ${FARGATE_STOP_TIMEOUT_MAX} seconds, or set targetOptions.ecs.launchType 'ec2'.`);
    }
    out.stopTimeout = fargate ? Math.min(grace, FARGATE_STOP_TIMEOUT_MAX) : grace;
  }
  if (w.stop?.signal !== undefined) {
    d.report(
      'ecs/stop-signal',
      `${w.path} stop.signal`,
      `a task definition cannot choose the stop signal: ECS sends ${w.name} the image's STOPSIGNAL, SIGTERM unless the Dockerfile says otherwise, not ${w.stop.signal}`,
      `Write STOPSIGNAL ${w.stop.signal} in the Dockerfile, which every target honours.`,
    );
  }
  if (w.hostname !== undefined) {
    if (networkMode === 'awsvpc') {
      d.report(
        'ecs/hostname',
        `${w.path} hostname`,
        `a task in awsvpc network mode takes the host name of its network interface (ip-10-0-...): ${w.name} does not see ${w.hostname} as its own name`,
        `Pass the name in an environment variable if ${w.name} reads it (only bridge mode keeps a hostname: on EC2, a service that publishes a dynamic host port).`,
      );
    } else if (networkMode === 'bridge') out.hostname = w.hostname;
  }
  return out;
}

/**
 * The platform as the task definition's `RuntimePlatform`; on Fargate, which has no placement constraints, also the
 * architecture a placement rule asks for.
 */
export function applyPlatform(cfn: ecs.CfnTaskDefinition, w: WorkloadSpec, fargate: boolean): void {
  const architecture = w.platform?.architecture ?? (fargate ? placementArchitecture(w) : undefined);
  if (!architecture) return;
  cfn.runtimePlatform = { cpuArchitecture: architecture === 'arm64' ? 'ARM64' : 'X86_64', operatingSystemFamily: 'LINUX' };
}
