import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Timed } from './import-bench';

/** What the incremental benchmark needs of bench/run.ts. */
export interface IncrementalBenchTools {
  /** `node bin/lading.js ...args` under /usr/bin/time, with these variables. */
  readonly lading: (args: readonly string[], env: Record<string, string>) => Timed;
  /** `node -r bench/register.js <file> ...args` under /usr/bin/time. */
  readonly script: (file: string, args: readonly string[]) => Timed;
  readonly median: (xs: readonly number[]) => number;
  readonly scratch: string;
  readonly reps: number;
  /** Pairs for the 1,000-service system against the baselines: its run-by-run ratios spread widely on a shared machine. */
  readonly largeReps: number;
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
  const large = largeSystem(t, threads);
  const loadAfter = os.loadavg()[0];
  const x = (r: number) => `${r.toFixed(2)}x`;
  const unmet = large.filter((r) => r.parts.ratio > r.goal).map((r) => r.target);
  return [
    HEADING,
    '',
    `\`node bin/lading.js synth\` on a copy of the seven examples, every target (graphs included), as whole processes; ${t.reps} runs each, medians; ${os.availableParallelism()} cores. The machine is shared (load average ${loadBefore.toFixed(1)} when this section started, ${loadAfter.toFixed(1)} when it ended, on ${os.availableParallelism()} cores), so compare the ratios more than the seconds.`,
    '',
    '| variant | wall s | ratio (median of run-by-run ratios) | target |',
    '| --- | ---: | ---: | --- |',
    `| cold, one thread (\`LADING_CACHE=0 LADING_WORKERS=1\`) | ${cold.b.toFixed(2)} | 1.00x | |`,
    `| cold, worker threads (\`LADING_CACHE=0 LADING_WORKERS=${threads}\`: one per core; without LADING_WORKERS a system this small renders in one thread) | ${cold.a.toFixed(2)} | ${x(cold.ratio)} of cold, one thread | |`,
    `| re-synth, nothing changed (every app from the cache) | ${warm.a.toFixed(2)} | ${x(warm.ratio)} of cold, one thread (${warm.b.toFixed(2)} s in these runs) | <= 0.35x: ${warm.ratio <= 0.35 ? 'met' : 'not met'} |`,
    `| re-synth after a change of \`${CHANGED}\` | ${changed.a.toFixed(2)} | ${x(changed.ratio)} of \`${CHANGED}\` alone | <= 1.3x: ${changed.ratio <= 1.3 ? 'met' : 'not met'} |`,
    `| \`--app ${CHANGED}\` alone, cold | ${changed.b.toFixed(2)} | | |`,
    '',
    'Worker threads render apps, one render of one app on one target per job; each thread loads cdk8s and aws-cdk-lib again, so on the examples (about twenty services and jobs in all) they cost more than they save, and without `LADING_WORKERS` synth uses them only from 100 services and jobs per thread.',
    '',
    `The generated 1,000-service system (bench/generate.ts), one target per process, cold (\`LADING_CACHE=0\`), against the hand-written baselines run on the same system description; in each of ${t.largeReps} reps lading with its threads, lading in one thread (the two in turn first) and the baseline run back to back, each lading run compared with its rep's baseline run; medians of the run-by-run ratios. With more than one thread a large system is rendered in parts (lib/synth/parts.ts), joined byte for byte (test/ecs/parallel-stacks.test.ts, test/kubernetes/parallel-parts.test.ts): on ECS the workload stacks of a split system are shared among the threads, each part building the shared stack whole; on Kubernetes each part builds its share of the workloads. A part holds at least 1,000 services and jobs (\`LADING_PART_WORKLOADS\`): each part's thread loads aws-cdk-lib or cdk8s again, and each ECS part builds and synthesizes the shared stack again, so this system renders in one thread on both targets.`,
    '',
    '| target | lading s (default threads) | lading s (`LADING_WORKERS=1`) | baseline s | lading / baseline | one thread / baseline | issue 22 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...large.map((r) => `| ${r.target} | ${r.parts.a.toFixed(2)} | ${r.one.a.toFixed(2)} | ${r.parts.b.toFixed(2)} | ${x(r.parts.ratio)} | ${x(r.one.ratio)} | <= ${r.goal.toFixed(1)}x: ${r.parts.ratio <= r.goal ? 'met' : 'not met'} |`),
    '',
    unmet.length === 0 ? 'Both ratios of issue 22 are met in these runs.' : `Not met in these runs: ${unmet.join(', ')} (where the time goes: the section "Where the 1,000-service time goes, against issue 22's ratios").`,
  ];
}

interface Paired {
  readonly a: number;
  readonly b: number;
  readonly ratio: number;
}

/**
 * lading on the 1,000-service system, with its threads and with one, each against the hand-written baseline: the
 * three run back to back in each rep (the two lading runs in turn first), and each lading run is compared with the
 * baseline run of its own rep, so the two variants meet the same load.
 */
function largeSystem(t: IncrementalBenchTools, threads: string) {
  const spec = path.join(t.scratch, 'incremental-spec-1000.json');
  t.script('bench/dump-spec.ts', ['1000', spec]);
  const targets = [
    { target: 'ecs', baseline: 'bench/baseline/cdk-baseline.ts', out: path.join(t.scratch, 'incremental-baseline-ecs'), goal: 0.7 },
    { target: 'kubernetes', baseline: 'bench/baseline/cdk8s-baseline.ts', out: path.join(t.scratch, 'incremental-baseline.yaml'), goal: 0.8 },
  ];
  return targets.map((g) => {
    const synth = (env: Record<string, string>) => t.lading(['synth', '--apps-dir', 'bench/apps', '--target', g.target, '--out', path.join(t.scratch, `incremental-${g.target}-1000`)], { LADING_CACHE: '0', LADING_BENCH_SERVICES: '1000', ...env });
    const baseline = () => t.script(g.baseline, [spec, g.out]);
    const runs = Array.from({ length: t.largeReps }, (_, rep) => {
      const first = rep % 2 === 0 ? synth({}).wall : synth({ LADING_WORKERS: '1' }).wall;
      const second = rep % 2 === 0 ? synth({ LADING_WORKERS: '1' }).wall : synth({}).wall;
      const [withThreads, oneThread] = rep % 2 === 0 ? [first, second] : [second, first];
      return { withThreads, oneThread, baseline: baseline().wall };
    });
    const paired = (what: string, pick: (r: (typeof runs)[number]) => number): Paired => {
      t.log(`incremental: ${g.target} 1000, ${what} / baseline: ${runs.map((r) => `${pick(r).toFixed(2)}/${r.baseline.toFixed(2)}`).join(', ')} s`);
      return { a: t.median(runs.map(pick)), b: t.median(runs.map((r) => r.baseline)), ratio: t.median(runs.map((r) => pick(r) / r.baseline)) };
    };
    return { target: g.target, goal: g.goal, parts: paired(`${threads} threads`, (r) => r.withThreads), one: paired('one thread', (r) => r.oneThread) };
  });
}

/** RESULTS.md with the incremental section replaced (or added at the end). */
export function withIncrementalSection(results: string, section: readonly string[]): string {
  const text = results.trimEnd();
  const start = text.indexOf(`\n${HEADING}`);
  if (start < 0) return `${text}\n\n${section.join('\n')}\n`;
  const next = text.indexOf('\n## ', start + 1);
  return `${text.slice(0, start)}\n${section.join('\n')}\n${next < 0 ? '' : `${text.slice(next)}\n`}`;
}
