import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { joinerOf } from '../parts';
import { guarded, renderContext } from '../render-target';
import { runRenderJob, type RenderDone, type RenderJob } from './render-job';

/** Services and jobs to render per thread below which a thread costs more (loading cdk8s or aws-cdk-lib) than it saves. */
const WORKLOADS_PER_THREAD = 100;

/**
 * How many threads render `jobs`: `LADING_WORKERS=<n>` (1 renders in this thread), else one per core, but no more
 * than there are jobs (or parts of them, lib/synth/parts.ts) and at most one per WORKLOADS_PER_THREAD services and
 * jobs to render: each thread loads the target libraries again, which costs more than a small render
 * (bench/RESULTS.md).
 */
export function workerCount(jobs: readonly RenderJob[], env: NodeJS.ProcessEnv = process.env): number {
  const chosen = Number(env.LADING_WORKERS);
  const workloads = jobs.reduce((n, j) => n + j.spec.services.length + j.spec.jobs.length, 0);
  const wanted = Number.isInteger(chosen) && chosen >= 1 ? chosen : Math.min(os.availableParallelism(), Math.floor(workloads / WORKLOADS_PER_THREAD));
  const units = jobs.reduce((n, j) => n + (wanted > 1 ? (joinerOf(j.target)?.partsOf(j.spec, wanted) ?? 1) : 1), 0);
  return Math.max(1, Math.min(wanted, units));
}

/**
 * Renders the jobs on `workers` threads (in this thread when 1) and returns the results in the jobs' order,
 * so the output is the same whichever thread rendered what. With more than one thread, an app whose target
 * renders in parts (lib/synth/parts.ts) is rendered part by part and joined here.
 */
export async function renderAll(jobs: readonly RenderJob[], workers: number): Promise<RenderDone[]> {
  if (workers <= 1) {
    const out: RenderDone[] = [];
    for (const job of jobs) out.push(await runRenderJob(job));
    return out;
  }
  const split = jobs.map((job) => {
    const joiner = joinerOf(job.target);
    const count = joiner ? joiner.partsOf(job.spec, workers) : 1;
    return joiner && count > 1 ? { joiner, count } : undefined;
  });
  const units = jobs.flatMap((job, i) => {
    const s = split[i];
    return s ? Array.from({ length: s.count }, (_, index) => ({ ...job, part: { index, count: s.count } })) : [job];
  });
  const done = await renderOnThreads(units, workers);
  let at = 0;
  const out: RenderDone[] = [];
  for (const [i, job] of jobs.entries()) {
    const s = split[i];
    if (!s) {
      out.push(done[at++]);
      continue;
    }
    const parts = done.slice(at, at + s.count);
    at += s.count;
    const joined = await guarded(job.target, job.spec, async () => s.joiner.join(job.spec, renderContext(job.targetDir, job.projectRoot), parts));
    out.push({ files: joined.files, diagnostics: joined.diagnostics, outputs: parts[0].outputs });
  }
  return out;
}

/** Renders each job on one of `workers` worker threads; each takes the next job when it is done. */
async function renderOnThreads(jobs: readonly RenderJob[], workers: number): Promise<RenderDone[]> {
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
