import type { ContainerSpec, MountSpec, SidecarSpec, SystemSpec } from '../../model/spec';
import { volumeName } from './names';
import { fromProjectRoot, wordThen } from './paths';
import { dockerBytes } from './quantities';
import { propPath, type DockerScope } from './scope';
import { quote, type Word } from './shell';

/** A field of a `--mount` value, which Docker reads as CSV: quoted where it holds a comma or a quote. */
function csv(field: string): string {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** `--mount type=...,k=v`, for what `-v` cannot say (a `:` in a path, a tmpfs). */
function mountFlag(fields: readonly string[]): Word[] {
  return ['--mount', fields.map(csv).join(',')];
}

function volumeFlags(spec: SystemSpec, mount: Extract<MountSpec, { kind: 'volume' }>): Word[] {
  const source = volumeName(spec, mount.volume);
  if (mount.target.includes(':')) {
    return mountFlag(['type=volume', `source=${source}`, `target=${mount.target}`, ...(mount.readOnly ? ['readonly'] : [])]);
  }
  return ['-v', `${source}:${mount.target}${mount.readOnly ? ':ro' : ''}`];
}

function ephemeralFlags(scope: DockerScope, path: string, mount: Extract<MountSpec, { kind: 'ephemeral' }>): Word[] {
  if (mount.tmpfs) {
    const size = mount.sizeLimitBytes !== undefined ? [`tmpfs-size=${dockerBytes(mount.sizeLimitBytes)}`] : [];
    return mountFlag(['type=tmpfs', `target=${mount.target}`, ...size, ...(mount.readOnly ? ['readonly'] : [])]);
  }
  if (mount.sizeLimitBytes !== undefined) {
    scope.report(
      'docker/ephemeral-size',
      path,
      `an anonymous volume cannot be limited to ${dockerBytes(mount.sizeLimitBytes)}: the limit is not enforced.`,
      'Make it a tmpfs mount (Mount.ephemeral(target, { tmpfs: true, sizeLimit })) to have the limit enforced.',
    );
  }
  if (mount.target.includes(':')) return mountFlag(['type=volume', `target=${mount.target}`, ...(mount.readOnly ? ['readonly'] : [])]);
  return ['-v', `${mount.target}${mount.readOnly ? ':ro' : ''}`];
}

/** A bind mount with `-v`, which creates a missing host directory (`--mount` refuses to), or `--mount` for a `:`. */
function bindFlags(mount: Extract<MountSpec, { kind: 'bind' }>): Word[] {
  const source = fromProjectRoot(mount.source);
  if (mount.source.includes(':') || mount.target.includes(':')) {
    const rest = `,${csv(`target=${mount.target}`)}${mount.readOnly ? ',readonly' : ''}`;
    if (typeof source === 'string') return ['--mount', `type=bind,${csv(`source=${source}`)}${rest}`];
    return ['--mount', { shell: `type=bind,source=${source.shell}${quote(rest)}` }];
  }
  return ['-v', wordThen(source, `:${mount.target}${mount.readOnly ? ':ro' : ''}`)];
}

const sameMount = (a: MountSpec, b: MountSpec): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The mount flags of one container. A sidecar with volumesFrom gets the main container's mounts through
 * `--volumes-from`, so those are left out here (mounting them twice fails on a duplicate mount point).
 */
export function mountFlags(scope: DockerScope, container: ContainerSpec, main?: ContainerSpec): Word[][] {
  const inherited = main && (container as SidecarSpec).volumesFrom ? main.mounts : [];
  const lines: Word[][] = [];
  let own = 0;
  for (const mount of container.mounts) {
    if (inherited.some((m) => sameMount(m, mount))) continue;
    const path = propPath(container.path, `mounts[${own++}]`);
    if (mount.kind === 'volume') lines.push(volumeFlags(scope.spec, mount));
    else if (mount.kind === 'ephemeral') lines.push(ephemeralFlags(scope, path, mount));
    else lines.push(bindFlags(mount));
  }
  inherited.forEach((mount, i) => {
    if (mount.kind !== 'ephemeral' || !mount.tmpfs || !main) return;
    scope.report(
      'docker/tmpfs-not-shared',
      propPath(container.path, 'volumesFrom'),
      `the tmpfs ${mount.target} of ${main.path} (mounts[${i}]) is not shared through --volumes-from: Docker never shares a tmpfs between containers.`,
      'Share a non-tmpfs ephemeral or persistent volume instead.',
    );
  });
  return lines;
}
