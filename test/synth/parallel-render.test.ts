import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TARGET_NAMES } from '../../lib/diagnostics/diagnostic';
import { runRenderJob } from '../../lib/synth/parallel/render-job';
import { workerCount } from '../../lib/synth/parallel/render-pool';

// counts the renders done in this thread; worker threads load the module themselves
jest.mock('../../lib/synth/parallel/render-job', () => {
  const actual = jest.requireActual('../../lib/synth/parallel/render-job');
  return { ...actual, runRenderJob: jest.fn(actual.runRenderJob) };
});
import { synthApps } from '../../lib/synth/synth';
import { loadExamples } from '../support/examples';
import { ROOT, readTree } from '../support/run-cli';

describe('parallel rendering in worker threads', () => {
  test('GIVEN the examples on every target WHEN rendered by 2 worker threads and then in one thread THEN dist/ and the diagnostics are byte-identical', async () => {
    const apps = loadExamples();
    const run = async (workers: number) => {
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `lading-workers-${workers}-`)), 'dist');
      const r = await synthApps(apps, { targets: [...TARGET_NAMES], outDir: out, projectRoot: ROOT, cache: false, workers });
      expect(r.failed).toBe(false);
      return { tree: readTree(out), diagnostics: JSON.stringify(r.diagnostics), rendered: r.rendered };
    };
    const inThisThread = runRenderJob as jest.Mock;
    const parallel = await run(2);
    // every render of the parallel run happened in a worker thread
    expect(inThisThread).not.toHaveBeenCalled();
    const serial = await run(1);
    expect(inThisThread).toHaveBeenCalledTimes(apps.length * TARGET_NAMES.length);
    expect(Object.keys(parallel.tree).length).toBeGreaterThan(apps.length * TARGET_NAMES.length);
    expect(parallel.tree).toEqual(serial.tree);
    expect(parallel.diagnostics).toBe(serial.diagnostics);
    expect(parallel.rendered).toEqual(apps.map((a) => a.name));
  });

  test('GIVEN LADING_WORKERS or the size of the renders WHEN counting threads THEN LADING_WORKERS is obeyed, small renders stay in this thread, never more threads than renders', () => {
    const spec = loadExamples()[0].spec;
    const sized = (services: number) => ({ target: 'compose' as const, spec: { ...spec, services: new Array(services).fill(spec.services[0]), jobs: [] }, targetDir: 'dist/compose', projectRoot: ROOT });
    const small = Array.from({ length: 10 }, () => sized(5));
    expect(workerCount(small, { LADING_WORKERS: '3' })).toBe(3);
    expect(workerCount(small.slice(0, 2), { LADING_WORKERS: '3' })).toBe(2);
    expect(workerCount(small, { LADING_WORKERS: '1' })).toBe(1);
    // 50 services and jobs in all: not worth a thread
    expect(workerCount(small, {})).toBe(1);
    // 2,000: one thread per core
    expect(workerCount([sized(1000), sized(1000)], {})).toBe(Math.min(2, os.availableParallelism()));
    expect(workerCount([], {})).toBe(1);
  });
});
