import * as path from 'path';
import type { TargetName } from '../diagnostics/diagnostic';
import type { SystemSpec } from '../model/spec';
import type { TargetResult } from '../targets/target';
import { loadTarget } from './targets';

/**
 * Renders one app on one target whose output goes to `targetDir`. Never throws: a target that fails is a bug in
 * lading, reported as an `internal/target-failed` error with no files.
 */
export async function renderTarget(name: TargetName, spec: SystemSpec, targetDir: string, projectRoot: string): Promise<TargetResult> {
  const root = path.resolve(projectRoot);
  const projectRootFromTargetDir = path.relative(path.resolve(targetDir), root).split(path.sep).join('/') || '.';
  try {
    return await loadTarget(name).render(spec, { projectRoot: root, projectRootFromTargetDir });
  } catch (e) {
    if (process.env.LADING_DEBUG) console.error((e as Error)?.stack);
    return {
      files: [],
      diagnostics: [
        {
          code: 'internal/target-failed',
          severity: 'error',
          path: spec.name,
          target: name,
          message: `the ${name} target failed: ${(e as Error)?.message ?? String(e)}`,
          fix: 'This is a bug in lading; run with LADING_DEBUG=1 for the stack trace and report it.',
        },
      ],
    };
  }
}
