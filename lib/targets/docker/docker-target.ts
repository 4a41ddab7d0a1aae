import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { SystemSpec } from '../../model/spec';
import type { RenderContext, Target, TargetResult } from '../target';
import { createScope } from './scope';
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
    const diagnostics: Diagnostic[] = [];
    const content = renderScript(createScope(spec, diagnostics), context.projectRootFromTargetDir);
    const failed = diagnostics.some((d) => d.severity === 'error');
    return { files: failed ? [] : [{ path: dockerScriptPath(spec.name), content }], diagnostics };
  },
};
