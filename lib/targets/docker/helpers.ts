import type { SystemSpec } from '../../model/spec';
import { WAIT_HEALTHY } from './dependencies';
import { appLabel } from './names';
import { quote } from './shell';
import { filesCleanup } from './files';

/** The shell functions every script has: removing the app's containers, and `down`. */
export function baseFunctions(spec: SystemSpec): string[] {
  const label = quote(`label=${appLabel(spec)}`);
  return [
    "# Removes the app's containers (found by label, including replicas no longer in the app) and their anonymous",
    '# volumes; named volumes stay.',
    'remove_containers() {',
    `  ids=$(docker ps -aq --filter ${label})`,
    '  for id in $ids; do',
    '    docker rm -f -v "$id" >/dev/null',
    '  done',
    '}',
    '',
    "# Removes the app's containers and networks, and its volumes when $1 is yes.",
    'down() {',
    '  remove_containers',
    ...filesCleanup(spec),
    `  ids=$(docker network ls -q --filter ${label})`,
    '  for id in $ids; do',
    '    docker network rm "$id" >/dev/null',
    '  done',
    '  if [ "$1" = yes ]; then',
    `    ids=$(docker volume ls -q --filter ${label})`,
    '    for id in $ids; do',
    '      docker volume rm "$id" >/dev/null',
    '    done',
    '  fi',
    '}',
  ];
}

/** `wait_healthy`, for a script in which some workload waits for a service to be healthy. */
export function waitHealthyFunction(): string[] {
  return [
    '# Waits until the container $1 is healthy; stops the script when it is unhealthy, stopped or has no health check.',
    `${WAIT_HEALTHY}() {`,
    '  echo "waiting for $1 to be healthy" >&2',
    '  while :; do',
    "    state=$(docker inspect --format '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' \"$1\")",
    '    case $state in',
    "      'running healthy') return 0 ;;",
    "      'running starting') sleep 1 ;;",
    '      *) echo "$1 did not become healthy ($state)" >&2; exit 1 ;;',
    '    esac',
    '  done',
    '}',
  ];
}
