import { Reporter } from '../../diagnostics/reporter';
import type { SystemSpec } from '../../model/spec';
import type { RenderContext, Target, TargetResult } from '../target';
import { DOCKER_CODES } from './codes';
import { renderScript } from './script';

/** The path of a system's script, relative to `dist/docker`. */
export function dockerScriptPath(app: string): string {
  return `${app}.sh`;
}

/**
 * The docker target: one POSIX shell script per system, `dist/docker/<app>.sh`, made of plain `docker`
 * commands: `sh dist/docker/<app>.sh` starts the app, `sh dist/docker/<app>.sh down [--volumes]` removes it.
 */
export const dockerTarget: Target = {
  name: 'docker',
  outputsOf(app: string): readonly string[] {
    return [dockerScriptPath(app)];
  },
  render(spec: SystemSpec, context: RenderContext): TargetResult {
    const reporter = new Reporter(DOCKER_CODES, 'docker');
    const content = renderScript({ spec, reporter }, context.projectRootFromTargetDir);
    return { files: reporter.hasErrors ? [] : [{ path: dockerScriptPath(spec.name), content }], diagnostics: reporter.diagnostics };
  },
};
