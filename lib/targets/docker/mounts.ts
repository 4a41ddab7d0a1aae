import type { ContainerSpec, MountSpec, SystemSpec } from '../../model/spec';
import { onSingleHost } from '../docker-engine/host-path-volumes';
import { ephemeralSizeText, hasTmpfsOwnership, planMounts, tmpfsOptions } from '../docker-engine/mounts';
import { propPath } from '../docker-engine/prop-path';
import { dockerBytes } from '../docker-engine/quantities';
import { volumeName } from './names';
import { fromProjectRoot, wordThen } from './paths';
import type { DockerScope } from './scope';
import type { Word } from './shell';

/** A field of a `--mount` value, which Docker reads as CSV: quoted where it holds a comma or a quote. */
function csv(field: string): string {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** `--mount type=...,k=v`, for what `-v` cannot say: a tmpfs (`--tmpfs` when it sets a mode or an owner). */
function mountFlag(fields: readonly string[]): Word[] {
  return ['--mount', fields.map(csv).join(',')];
}

function volumeFlags(spec: SystemSpec, mount: Extract<MountSpec, { kind: 'volume' }>): Word[] {
  const source = volumeName(spec, mount.volume);
  return ['-v', `${source}:${mount.target}${mount.readOnly ? ':ro' : ''}`];
}

function ephemeralFlags(scope: DockerScope, path: string, mount: Extract<MountSpec, { kind: 'ephemeral' }>): Word[] {
  if (mount.tmpfs && hasTmpfsOwnership(mount)) return ['--tmpfs', `${mount.target}:${tmpfsOptions(mount)}`];
  if (mount.tmpfs) {
    const size = mount.sizeLimitBytes !== undefined ? [`tmpfs-size=${dockerBytes(mount.sizeLimitBytes, 'lower')}`] : [];
    return mountFlag(['type=tmpfs', `target=${mount.target}`, ...size, ...(mount.readOnly ? ['readonly'] : [])]);
  }
  if (mount.sizeLimitBytes !== undefined) {
    scope.reporter.report('docker/ephemeral-size', path, ...ephemeralSizeText(mount.sizeLimitBytes));
  }
  return ['-v', `${mount.target}${mount.readOnly ? ':ro' : ''}`];
}

/** A bind mount with `-v`, which creates a missing host directory (`--mount` refuses to). */
function bindFlags(mount: Extract<MountSpec, { kind: 'bind' }>): Word[] {
  return ['-v', wordThen(fromProjectRoot(mount.source), `:${mount.target}${mount.readOnly ? ':ro' : ''}`)];
}

/**
 * The mount flags of one container. A sidecar with volumesFrom gets the main container's mounts through
 * `--volumes-from`, so those are left out here. Every volume and bind mount is a `-v`, which splits its value at
 * `:`: the model refuses a `:` in a mount's source or target. A volume with a host path binds its folder.
 */
export function mountFlags(scope: DockerScope, container: ContainerSpec, main?: ContainerSpec): Word[][] {
  const plan = planMounts(container, main);
  const lines = plan.own.map(({ mount: written, index }): Word[] => {
    const mount = onSingleHost(scope.spec, written);
    if (mount.kind === 'volume') return volumeFlags(scope.spec, mount);
    if (mount.kind === 'ephemeral') return ephemeralFlags(scope, propPath(container.path, `mounts[${index}]`), mount);
    return bindFlags(mount);
  });
  for (const { mount, index, main: from } of plan.unsharedTmpfs) {
    scope.reporter.report(
      'docker/tmpfs-not-shared',
      propPath(container.path, 'volumesFrom'),
      `the tmpfs ${mount.target} of ${from.path} (mounts[${index}]) is not shared through --volumes-from: Docker never shares a tmpfs between containers.`,
      'Share a non-tmpfs ephemeral or persistent volume instead.',
    );
  }
  return lines;
}
