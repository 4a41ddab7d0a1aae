import { posix } from 'node:path';
import { oneFileTarget } from '../docker-engine/one-file-target';
import { COMPOSE_CODES } from './codes';
import { composeFile } from './compose-file';
import { renderYaml } from '../docker-engine/yaml';

/** The path of a system's compose file, relative to `dist/compose`. */
function composeFilePath(app: string): string {
  return `${app}/compose.yaml`;
}

/**
 * The Compose target: one compose-spec file per system, `dist/compose/<app>/compose.yaml`, for
 * `docker compose up` (a swarm has its own target, `swarm`). No `version:` key; the project is named after the system.
 */
export const composeTarget = oneFileTarget({
  name: 'compose',
  codes: COMPOSE_CODES,
  pathOf: composeFilePath,
  render(spec, context, reporter) {
    // The file lives one directory below dist/compose: dist/compose/<app>/compose.yaml.
    const root = context.projectRootFromTargetDir;
    return renderYaml(composeFile({ spec, projectRoot: posix.isAbsolute(root) ? root : posix.join('..', root), reporter }));
  },
});
