import type { TargetName } from '../../diagnostics/diagnostic';
import type { SystemSpec } from '../../model/spec';
import type { PartOf, TargetPart } from '../../targets/target';
import { renderTarget, renderTargetPart } from '../render-target';
import { loadTarget } from '../targets';

/** One app to render on one target, whole or one part of it: what a worker thread receives. */
export interface RenderJob {
  readonly target: TargetName;
  readonly spec: SystemSpec;
  readonly targetDir: string;
  readonly projectRoot: string;
  /** Only this part of the app (see lib/synth/parts.ts); the whole app when undefined. */
  readonly part?: PartOf;
}

/** A job's result: the target's files and findings, and the paths of its output that belong to the app. */
export interface RenderDone extends TargetPart {
  readonly outputs: readonly string[];
}

/** Renders one job here, in this thread. Never throws (see renderTarget). */
export async function runRenderJob(job: RenderJob): Promise<RenderDone> {
  const result: TargetPart = job.part
    ? await renderTargetPart(job.target, job.spec, job.targetDir, job.projectRoot, job.part)
    : await renderTarget(job.target, job.spec, job.targetDir, job.projectRoot);
  return { files: result.files, diagnostics: result.diagnostics, ...(result.data === undefined ? {} : { data: result.data }), outputs: [...loadTarget(job.target).outputsOf(job.spec.name)] };
}
