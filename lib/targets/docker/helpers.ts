import type { WaitHelper } from './dependencies';
import { appLabel } from './names';
import type { SystemSpec } from '../../model/spec';
import { quote } from './shell';

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

const WAIT_FUNCTIONS: Record<WaitHelper, string[]> = {
  wait_healthy: [
    '# Waits until the container $1 is healthy; stops the script when it is unhealthy, stopped or has no health check.',
    'wait_healthy() {',
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
  ],
  wait_completed: [
    '# Waits until the container $1 exits; stops the script unless it exited with code 0.',
    'wait_completed() {',
    '  code=$(docker wait "$1")',
    '  if [ "$code" != 0 ]; then echo "$1 exited with code $code" >&2; exit 1; fi',
    '}',
  ],
};

/** The wait functions some workload of the script uses, in a fixed order. */
export function waitFunctions(used: ReadonlySet<WaitHelper>): string[] {
  const out: string[] = [];
  for (const helper of ['wait_healthy', 'wait_completed'] as const) if (used.has(helper)) out.push('', ...WAIT_FUNCTIONS[helper]);
  return out;
}
