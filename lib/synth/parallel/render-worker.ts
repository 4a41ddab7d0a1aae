import { parentPort } from 'worker_threads';
import { runRenderJob, type RenderJob } from './render-job';

/** The body of a render worker thread: renders each job it is sent and answers with the result, by id. */
export function serveRenderJobs(): void {
  parentPort?.on('message', (message: { id: number; job: RenderJob }) => {
    void runRenderJob(message.job).then((done) => parentPort?.postMessage({ id: message.id, done }));
  });
}
