import { posix } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { SystemSpec } from '../../model/spec';
import type { RenderContext, Target, TargetResult } from '../target';
import { composeFile } from './compose-file';
import { renderYaml } from './render';
import { createScope } from './scope';

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
    const diagnostics: Diagnostic[] = [];
    // The file lives one directory below dist/compose: dist/compose/<app>/compose.yaml.
    const root = context.projectRootFromTargetDir;
    const scope = createScope(spec, posix.isAbsolute(root) ? root : posix.join('..', root), diagnostics);
    const content = renderYaml(composeFile(scope));
    const failed = diagnostics.some((d) => d.severity === 'error');
    return { files: failed ? [] : [{ path: composeFilePath(spec.name), content }], diagnostics };
  },
};
