import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Timed } from './import-bench';

/** What the incremental benchmark needs of bench/run.ts. */
export interface IncrementalBenchTools {
  /** `node bin/lading.js ...args` under /usr/bin/time, with these variables. */
  readonly lading: (args: readonly string[], env: Record<string, string>) => Timed;
  readonly median: (xs: readonly number[]) => number;
  readonly scratch: string;
  readonly reps: number;
  readonly log: (s: string) => void;
}

const HEADING = '## Incremental synth, worker threads and the render cache (issue 22)';
const CHANGED = 'hello';

/**
 * `lading synth` on a copy of the examples (all targets, whole process): cold in one thread, cold with worker
 * threads, re-synth with nothing changed (every app from the render cache), re-synth after a change of one app,
 * and that one app alone, cold. Returns the section of bench/RESULTS.md.
 */
export function incrementalBench(t: IncrementalBenchTools, root: string): string[] {
  const apps = path.join(t.scratch, 'incremental-apps');
  fs.mkdirSync(apps, { recursive: true });
  for (const file of fs.readdirSync(path.join(root, 'apps')).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(root, 'apps', file), 'utf8').split("'../lib/model'").join(JSON.stringify(path.join(root, 'lib', 'model')));
    fs.writeFileSync(path.join(apps, file), source);
  }
  const changing = path.join(apps, `${CHANGED}.ts`);
  const original = fs.readFileSync(changing, 'utf8');
  const out = path.join(t.scratch, 'incremental-out');
  const cache = path.join(t.scratch, 'incremental-cache');
  const synth = (env: Record<string, string>, extra: readonly string[] = []) => t.lading(['synth', '--apps-dir', apps, '--out', out, ...extra], env);
  const loadBefore = os.loadavg()[0];
  // each pair is run back to back, rep by rep, and compared by the median of its run-by-run ratios: the load of
  // a shared machine changes between minutes more than between two runs
  const pairs = (what: string, a: (rep: number) => Timed, b: (rep: number) => Timed) => {
    const runs = Array.from({ length: t.reps }, (_, rep) => [a(rep).wall, b(rep).wall] as const);
    t.log(`incremental: ${what}: ${runs.map(([x, y]) => `${x.toFixed(2)}/${y.toFixed(2)}`).join(', ')} s`);
    return { a: t.median(runs.map((r) => r[0])), b: t.median(runs.map((r) => r[1])), ratio: t.median(runs.map(([x, y]) => x / y)) };
  };
  const threads = String(os.availableParallelism());
  const cold = pairs('worker threads / one thread, cold', () => synth({ LADING_CACHE: '0', LADING_WORKERS: threads }), () => synth({ LADING_CACHE: '0', LADING_WORKERS: '1' }));
  synth({ LADING_CACHE: cache });
  const warm = pairs('nothing changed / cold, one thread', () => synth({ LADING_CACHE: cache }), () => synth({ LADING_CACHE: '0', LADING_WORKERS: '1' }));
  const changed = pairs(
    `${CHANGED} changed / ${CHANGED} alone, cold`,
    (rep) => {
      fs.writeFileSync(changing, original.replace('sleep 3', `sleep ${rep + 10}`));
      return synth({ LADING_CACHE: cache });
    },
    () => synth({ LADING_CACHE: '0' }, ['--app', CHANGED]),
  );
  fs.writeFileSync(changing, original);
  const loadAfter = os.loadavg()[0];
  const x = (r: number) => `${r.toFixed(2)}x`;
  return [
    HEADING,
    '',
    `\`node bin/lading.js synth\` on a copy of the seven examples, every target (graphs included), as whole processes; ${t.reps} runs each, medians; ${os.availableParallelism()} cores. The machine was shared and under load (other people's builds and tests; load average ${loadBefore.toFixed(1)} when this section started, ${loadAfter.toFixed(1)} when it ended, on ${os.availableParallelism()} cores), so compare the ratios more than the seconds.`,
    '',
    '| variant | wall s | ratio (median of run-by-run ratios) | target |',
    '| --- | ---: | ---: | --- |',
    `| cold, one thread (\`LADING_CACHE=0 LADING_WORKERS=1\`) | ${cold.b.toFixed(2)} | 1.00x | |`,
    `| cold, worker threads (\`LADING_CACHE=0 LADING_WORKERS=${threads}\`: one per core; without LADING_WORKERS a system this small renders in one thread) | ${cold.a.toFixed(2)} | ${x(cold.ratio)} of cold, one thread | |`,
    `| re-synth, nothing changed (every app from the cache) | ${warm.a.toFixed(2)} | ${x(warm.ratio)} of cold, one thread (${warm.b.toFixed(2)} s in these runs) | <= 0.35x: ${warm.ratio <= 0.35 ? 'met' : 'not met'} |`,
    `| re-synth after a change of \`${CHANGED}\` | ${changed.a.toFixed(2)} | ${x(changed.ratio)} of \`${CHANGED}\` alone | <= 1.3x: ${changed.ratio <= 1.3 ? 'met' : 'not met'} |`,
    `| \`--app ${CHANGED}\` alone, cold | ${changed.b.toFixed(2)} | | |`,
    '',
    'Worker threads render apps, one render of one app on one target per job; each thread loads cdk8s and aws-cdk-lib again, so on the examples (about twenty services and jobs in all) they cost more than they save, and without `LADING_WORKERS` synth uses them only from 100 services and jobs per thread. An ECS system split over stacks is rendered in parts, one per thread (each builds the shared stack whole and a run of the workload stacks; the parts are joined byte for byte, lib/targets/ecs/stack-parts.ts); the 1,000-service targets of issue 22 against the hand-written baselines (ECS <= 0.7x, Kubernetes <= 0.8x) are not measured here; the Per target table above holds the cold figures.',
  ];
}

/** RESULTS.md with the incremental section replaced (or added at the end). */
export function withIncrementalSection(results: string, section: readonly string[]): string {
  const text = results.trimEnd();
  const start = text.indexOf(`\n${HEADING}`);
  if (start < 0) return `${text}\n\n${section.join('\n')}\n`;
  const next = text.indexOf('\n## ', start + 1);
  return `${text.slice(0, start)}\n${section.join('\n')}\n${next < 0 ? '' : `${text.slice(next)}\n`}`;
}
