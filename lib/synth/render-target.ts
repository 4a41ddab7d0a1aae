import * as path from 'path';
import type { TargetName } from '../diagnostics/diagnostic';
import type { SystemSpec } from '../model/spec';
import type { PartOf, RenderContext, TargetPart, TargetResult } from '../targets/target';
import { loadTarget } from './targets';

/** Where `targetDir`'s target output looks for the project root. */
export function renderContext(targetDir: string, projectRoot: string): RenderContext {
  const root = path.resolve(projectRoot);
  const projectRootFromTargetDir = path.relative(path.resolve(targetDir), root).split(path.sep).join('/') || '.';
  return { projectRoot: root, projectRootFromTargetDir };
}

/**
 * Renders one app on one target whose output goes to `targetDir`. Never throws: a target that fails is a bug in
 * lading, reported as an `internal/target-failed` error with no files.
 */
export async function renderTarget(name: TargetName, spec: SystemSpec, targetDir: string, projectRoot: string): Promise<TargetResult> {
  return guarded(name, spec, async () => loadTarget(name).render(spec, renderContext(targetDir, projectRoot)));
}

/** Renders one part of an app (Target.renderPart); never throws, as renderTarget. */
export async function renderTargetPart(name: TargetName, spec: SystemSpec, targetDir: string, projectRoot: string, part: PartOf): Promise<TargetPart> {
  return guarded(name, spec, async () => {
    const target = loadTarget(name);
    if (!target.renderPart) throw new Error(`the ${name} target does not render in parts`);
    return target.renderPart(spec, renderContext(targetDir, projectRoot), part);
  });
}

/** `step`'s result, or an `internal/target-failed` error with no files when it throws. */
export async function guarded<T extends TargetResult>(name: TargetName, spec: SystemSpec, step: () => Promise<T>): Promise<T | TargetResult> {
  try {
    return await step();
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
