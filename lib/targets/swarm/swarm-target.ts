import { posix } from 'node:path';
import type { SystemSpec } from '../../model/spec';
import type { RenderContext, Target, TargetResult } from '../target';
import { renderYaml } from '../docker-engine/yaml';
import { inlineConfigFiles, inlineConfigsDir } from './files';
import { createScope } from './scope';
import { stackFile } from './stack-file';

/** The path of a system's stack file, relative to `dist/swarm`. */
export function stackFilePath(app: string): string {
  return `${app}/stack.yaml`;
}

/**
 * The Swarm target: one stack file per system, `dist/swarm/<app>/stack.yaml`, for
 * `docker stack deploy -c dist/swarm/<app>/stack.yaml <app>`. Every service is named `<app>_<service>` in the
 * swarm and reaches the others by their plain names on a shared overlay network.
 */
export const swarmTarget: Target = {
  name: 'swarm',
  outputsOf(app: string): readonly string[] {
    return [stackFilePath(app), inlineConfigsDir(app)];
  },
  render(spec: SystemSpec, context: RenderContext): TargetResult {
    // The file lives one directory below dist/swarm: dist/swarm/<app>/stack.yaml.
    const root = context.projectRootFromTargetDir;
    const scope = createScope(spec, posix.isAbsolute(root) ? root : posix.join('..', root));
    const content = renderYaml(stackFile(scope));
    const failed = scope.reporter.hasErrors;
    return { files: failed ? [] : [{ path: stackFilePath(spec.name), content }, ...inlineConfigFiles(spec)], diagnostics: scope.reporter.diagnostics };
  },
};
