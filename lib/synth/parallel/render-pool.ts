import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { runRenderJob, type RenderDone, type RenderJob } from './render-job';

/** Services and jobs to render per thread below which a thread costs more (loading cdk8s or aws-cdk-lib) than it saves. */
const WORKLOADS_PER_THREAD = 100;

/**
 * How many threads render `jobs`: `LADING_WORKERS=<n>` (1 renders in this thread), else one per core, but no more
 * than there are jobs and at most one per WORKLOADS_PER_THREAD services and jobs to render: each thread loads the
 * target libraries again, which costs more than a small render (bench/RESULTS.md).
 */
export function workerCount(jobs: readonly RenderJob[], env: NodeJS.ProcessEnv = process.env): number {
  const chosen = Number(env.LADING_WORKERS);
  const workloads = jobs.reduce((n, j) => n + j.spec.services.length + j.spec.jobs.length, 0);
  const wanted = Number.isInteger(chosen) && chosen >= 1 ? chosen : Math.min(os.availableParallelism(), Math.floor(workloads / WORKLOADS_PER_THREAD));
  return Math.max(1, Math.min(wanted, jobs.length));
}

/**
 * Renders the jobs on `workers` threads (in this thread when 1) and returns the results in the jobs' order,
 * so the output is the same whichever thread rendered what. Each worker takes the next job when it is done.
 */
export async function renderAll(jobs: readonly RenderJob[], workers: number): Promise<RenderDone[]> {
  if (workers <= 1) {
    const out: RenderDone[] = [];
    for (const job of jobs) out.push(await runRenderJob(job));
    return out;
  }
  const results: RenderDone[] = new Array(jobs.length);
  let next = 0;
  const threads = Array.from({ length: workers }, () => startWorker());
  try {
    await Promise.all(
      threads.map(async (worker) => {
        while (next < jobs.length) {
          const id = next++;
          try {
            results[id] = await ask(worker, id, jobs[id]);
          } catch {
            // a worker that died (out of memory, say) renders no more: its job is rendered here
            results[id] = await runRenderJob(jobs[id]);
            return;
          }
        }
      }),
    );
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
  while (next < jobs.length) {
    const id = next++;
    results[id] = await runRenderJob(jobs[id]);
  }
  return results;
}

function ask(worker: Worker, id: number, job: RenderJob): Promise<RenderDone> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => fail(new Error(`the render worker ended (exit code ${code})`));
    const off = () => {
      worker.off('message', onMessage);
      worker.off('error', fail);
      worker.off('exit', onExit);
    };
    const fail = (e: unknown) => {
      off();
      reject(e);
    };
    const onMessage = (message: { id: number; done: RenderDone }) => {
      if (message.id !== id) return;
      off();
      resolve(message.done);
    };
    worker.on('message', onMessage);
    worker.on('error', fail);
    worker.on('exit', onExit);
    worker.postMessage({ id, job });
  });
}

/**
 * A worker running render-worker: from lading's sources in a checkout (compiled on load by bin/register.js, as the
 * main thread is), or from the compiled JavaScript of an installed package.
 */
function startWorker(): Worker {
  const source = path.join(__dirname, 'render-worker.ts');
  const compiled = path.join(__dirname, 'render-worker.js');
  const module = fs.existsSync(compiled) ? compiled : source;
  const register = path.resolve(__dirname, '..', '..', '..', 'bin', 'register.js');
  const lines = [
    module.endsWith('.ts') ? `require(${JSON.stringify(register)});` : '',
    `require(${JSON.stringify(module)}).serveRenderJobs();`,
  ];
  return new Worker(lines.join('\n'), { eval: true });
}
