import { parentPort } from 'worker_threads';
import type { TargetName } from '../../diagnostics/diagnostic';
import { loadTarget } from '../targets';
import { runRenderJob, type RenderJob } from './render-job';

/**
 * The body of a render worker thread: renders each job it is sent and answers with the result, by id. The modules
 * of the targets to `preload` are loaded first, before any job comes (a job sent meanwhile waits for them).
 */
export function serveRenderJobs(preload: readonly TargetName[] = []): void {
  parentPort?.on('message', (message: { id: number; job: RenderJob }) => {
    void runRenderJob(message.job).then((done) => parentPort?.postMessage({ id: message.id, done }));
  });
  for (const target of preload) loadTarget(target);
}
