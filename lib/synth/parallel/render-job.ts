import type { TargetName } from '../../diagnostics/diagnostic';
import type { SystemSpec } from '../../model/spec';
import type { TargetResult } from '../../targets/target';
import { renderTarget } from '../render-target';
import { loadTarget } from '../targets';

/** One app to render on one target: what a worker thread receives. */
export interface RenderJob {
  readonly target: TargetName;
  readonly spec: SystemSpec;
  readonly targetDir: string;
  readonly projectRoot: string;
}

/** A job's result: the target's files and findings, and the paths of its output that belong to the app. */
export interface RenderDone extends TargetResult {
  readonly outputs: readonly string[];
}

/** Renders one job here, in this thread. Never throws (see renderTarget). */
export async function runRenderJob(job: RenderJob): Promise<RenderDone> {
  const result = await renderTarget(job.target, job.spec, job.targetDir, job.projectRoot);
  return { files: result.files, diagnostics: result.diagnostics, outputs: [...loadTarget(job.target).outputsOf(job.spec.name)] };
}
