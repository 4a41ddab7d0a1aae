import { isAbsolutePath } from '../docker-engine/paths';
import { checkContainerNames } from './collisions';
import { dependencyWaits, WAIT_HEALTHY } from './dependencies';
import { requiredSecrets } from './env';
import { baseFunctions, waitHealthyFunction } from './helpers';
import { buildCommand, builtImages } from './image';
import { networkLines } from './networks';
import { dependencyOrder } from './order';
import { ROOT_VARIABLE } from './paths';
import type { DockerScope } from './scope';
import { commandText, quote } from './shell';
import { volumeLines } from './volumes';
import { fileLines } from './files';
import { workloadLines } from './workload';

/** `root=...`: the project root, absolute, found from where the script lives. */
function rootLine(projectRootFromTargetDir: string): string {
  if (isAbsolutePath(projectRootFromTargetDir)) return `${ROOT_VARIABLE}=${quote(projectRootFromTargetDir)}`;
  return `${ROOT_VARIABLE}=$(cd "$(dirname "$0")" && cd ${quote(projectRootFromTargetDir)} && pwd)`;
}

/** The body of `up`: checks, builds, networks, volumes, then every workload in dependency order. */
function upBody(scope: DockerScope): string[] {
  const body: string[] = [];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) body.push(...(body.length > 0 ? [''] : []), `  # ${title}`, ...lines);
  };
  section('secrets come from the environment of the caller; no value is written here', requiredSecrets(scope).map((l) => `  ${l}`));
  section('images built from a Dockerfile', builtImages(scope.spec).map((image) => commandText(buildCommand(image), '  ')));
  section('networks and volumes: kept when they exist', [...networkLines(scope), ...volumeLines(scope)].map((l) => `  ${l}`));
  section('config and secret files the containers bind: written to a private folder (mode 0700)', fileLines(scope).map((l) => `  ${l}`));
  section('containers of an earlier run are replaced', ['  remove_containers']);
  for (const workload of dependencyOrder(scope.spec)) {
    const what = workload.kind === 'job' ? `job ${workload.name}, in the foreground` : `service ${workload.name}`;
    section(what, [...dependencyWaits(scope.spec, workload).map((l) => `  ${l}`), ...workloadLines(scope, workload)]);
  }
  return body;
}

/**
 * The whole script: `sh <app>.sh` (or `up`) starts the app, `sh <app>.sh down [--volumes]` removes it.
 * Every value is shell-quoted; secrets are read from the caller's environment.
 */
export function renderScript(scope: DockerScope, projectRootFromTargetDir: string): string {
  checkContainerNames(scope);
  const up = upBody(scope);
  const name = scope.spec.name;
  const needsRoot = up.some((l) => l.includes(`"$${ROOT_VARIABLE}"`));
  const waits = up.some((l) => l.startsWith(`  ${WAIT_HEALTHY} `));
  const lines = [
    '#!/bin/sh',
    `# ${name}, as plain docker commands. Rendered by \`lading synth\`: change the app, not this file.`,
    `#   sh ${name}.sh [up]               build, create networks and volumes, and (re)start every container`,
    `#   sh ${name}.sh down [--volumes]   remove the containers and networks (and the volumes with --volumes)`,
    'set -eu',
    '',
    ...(needsRoot ? [rootLine(projectRootFromTargetDir), ''] : []),
    ...baseFunctions(scope.spec),
    ...(waits ? ['', ...waitHealthyFunction()] : []),
    '',
    'up() {',
    ...up,
    '}',
    '',
    'case "$#:${1:-}:${2:-}" in',
    '  0::* | 1:up:*) up ;;',
    '  1:down:*) down no ;;',
    '  2:down:--volumes) down yes ;;',
    '  *) echo "usage: $0 [up | down [--volumes]]" >&2; exit 2 ;;',
    'esac',
    '',
  ];
  return lines.join('\n');
}
