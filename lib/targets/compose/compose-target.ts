import { posix } from 'node:path';
import { Reporter } from '../../diagnostics/reporter';
import type { SystemSpec } from '../../model/spec';
import type { RenderContext, Target, TargetResult } from '../target';
import { COMPOSE_CODES } from './codes';
import { composeFile } from './compose-file';
import { renderYaml } from './render';

/** The path of a system's compose file, relative to `dist/compose`. */
export function composeFilePath(app: string): string {
  return `${app}/compose.yaml`;
}

/**
 * The Compose target: one compose-spec file per system, `dist/compose/<app>/compose.yaml`, for
 * `docker compose up` and `docker stack deploy`. No `version:` key; the project is named after the system.
 */
export const composeTarget: Target = {
  name: 'compose',
  outputsOf(app: string): readonly string[] {
    return [composeFilePath(app)];
  },
  render(spec: SystemSpec, context: RenderContext): TargetResult {
    const reporter = new Reporter(COMPOSE_CODES, 'compose');
    // The file lives one directory below dist/compose: dist/compose/<app>/compose.yaml.
    const root = context.projectRootFromTargetDir;
    const content = renderYaml(composeFile({ spec, projectRoot: posix.isAbsolute(root) ? root : posix.join('..', root), reporter }));
    return { files: reporter.hasErrors ? [] : [{ path: composeFilePath(spec.name), content }], diagnostics: reporter.diagnostics };
  },
};
