import { oneFileTarget } from '../docker-engine/one-file-target';
import { DOCKER_CODES } from './codes';
import { renderScript } from './script';

/** The path of a system's script, relative to `dist/docker`. */
function dockerScriptPath(app: string): string {
  return `${app}.sh`;
}

/**
 * The docker target: one POSIX shell script per system, `dist/docker/<app>.sh`, made of plain `docker`
 * commands: `sh dist/docker/<app>.sh` starts the app, `sh dist/docker/<app>.sh down [--volumes]` removes it.
 */
export const dockerTarget = oneFileTarget({
  name: 'docker',
  codes: DOCKER_CODES,
  pathOf: dockerScriptPath,
  render: (spec, context, reporter) => renderScript({ spec, reporter }, context.projectRootFromTargetDir),
});
