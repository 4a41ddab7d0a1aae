import type { ContainerSpec } from '../../model/spec';
import { privilegedText } from '../docker-engine/privileged';
import { propPath } from '../docker-engine/prop-path';
import { dockerBytes, dockerCpus } from '../docker-engine/quantities';
import { envFlags, secretEnv } from './env';
import { healthFlags } from './health';
import { imageRef } from './image';
import { mountFlags } from './mounts';
import { fileFlags } from './files';
import { appLabel } from './names';
import type { DockerScope } from './scope';
import { securityFlags } from './security';
import type { ShellText, Word } from './shell';

/** The flags, the environment assignments and the trailing words (image and arguments) of one container. */
export interface ContainerParts {
  readonly assignments: readonly ShellText[];
  readonly flags: readonly Word[][];
  /** The image, then the entrypoint's words after the first, then the command. */
  readonly tail: readonly Word[];
}

/** `--memory`, `--memory-reservation`, `--cpu-shares`, `--cpus`, `--pids-limit`: what the model sets, nothing more. */
function resourceFlags(container: ContainerSpec): Word[][] {
  const r = container.resources;
  const lines: Word[][] = [];
  if (r.memoryBytes !== undefined) lines.push(['--memory', dockerBytes(r.memoryBytes, 'lower')]);
  if (r.memoryReservationBytes !== undefined) lines.push(['--memory-reservation', dockerBytes(r.memoryReservationBytes, 'lower')]);
  if (r.cpuShares !== undefined) lines.push(['--cpu-shares', String(r.cpuShares)]);
  if (r.cpuMillis !== undefined) lines.push(['--cpus', dockerCpus(r.cpuMillis)]);
  if (r.pidsLimit !== undefined) lines.push(['--pids-limit', String(r.pidsLimit)]);
  return lines;
}

/** The json-file log driver with `max-size` and `max-file`; nothing when logs are unbounded. */
function loggingFlags(container: ContainerSpec): Word[][] {
  const logging = container.logging;
  if (!logging) return [];
  return [
    ['--log-driver', 'json-file'],
    ['--log-opt', `max-size=${dockerBytes(logging.maxSizeBytes, 'lower')}`],
    ['--log-opt', `max-file=${logging.maxFiles}`],
  ];
}

/** `--label` per model label, then the app's own label that `down` finds the container by. */
function labelFlags(scope: DockerScope, container: ContainerSpec): Word[][] {
  const labels = Object.entries(container.labels).map(([k, v]): Word[] => ['--label', `${k}=${v}`]);
  return [...labels, ['--label', appLabel(scope.spec)]];
}

/**
 * What `docker run` takes from one container, whether main or sidecar (`main` is set for a sidecar): process,
 * environment, mounts, health check, labels, logging, resources, privileges, confinement and the image.
 * Docker's `--entrypoint` takes one word: the entrypoint's other words go after the image, before the command.
 */
export function containerParts(scope: DockerScope, container: ContainerSpec, main?: ContainerSpec): ContainerParts {
  const secrets = secretEnv(scope.spec, container);
  if (container.privileged) {
    scope.reporter.report('docker/privileged', propPath(container.path, 'privileged'), ...privilegedText(container));
  }
  const entrypoint = container.entrypoint;
  const flags: Word[][] = [
    ...(entrypoint !== undefined ? [['--entrypoint', entrypoint.length > 0 ? entrypoint[0] : '']] : []),
    ...(container.workingDir !== undefined ? [['--workdir', container.workingDir]] : []),
    ...securityFlags(container),
    ...envFlags(container),
    ...secrets.flags,
    ...mountFlags(scope, container, main),
    ...fileFlags(scope, container),
    ...resourceFlags(container),
    ...healthFlags(scope, container),
    ...labelFlags(scope, container),
    ...loggingFlags(container),
    ...(container.privileged ? [['--privileged']] : []),
  ];
  const tail: Word[] = [imageRef(scope, container), ...(entrypoint ?? []).slice(1), ...(container.command ?? [])];
  return { assignments: secrets.assignments, flags, tail };
}
